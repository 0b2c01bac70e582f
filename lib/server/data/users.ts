import "server-only";
import { db } from "../db";
import type { NewAccount, ChangePasswordRequest } from "@/lib/api/account";

/** Maps a sign-up payload onto User columns: every value is public or wrapped. */
export function accountColumns(account: NewAccount) {
  return {
    id: account.userId,
    email: account.email,
    name: account.name,
    kdfAlg: account.kdf.alg,
    kdfOpsLimit: account.kdf.opslimit,
    kdfMemLimit: account.kdf.memlimit,
    kdfSalt: account.kdf.salt,
    loginPublicKey: account.loginPublicKey,
    wrappedUserKey: account.wrappedUserKey,
    boxPublicKey: account.boxPublicKey,
    signPublicKey: account.signPublicKey,
    wrappedBoxPrivateKey: account.wrappedBoxPrivateKey,
    wrappedSignPrivateKey: account.wrappedSignPrivateKey,
    bundleSignature: account.bundleSignature,
  };
}

export async function findLoginRecord(email: string) {
  const prisma = await db();
  return prisma.user.findUnique({
    where: { email },
    select: {
      id: true,
      name: true,
      role: true,
      status: true,
      kdfAlg: true,
      kdfOpsLimit: true,
      kdfMemLimit: true,
      kdfSalt: true,
      loginPublicKey: true,
    },
  });
}

/** How many accounts use each set of KDF parameters: what a decoy prelogin answer draws from. */
export async function countKdfParameterSets() {
  const prisma = await db();
  const groups = await prisma.user.groupBy({
    by: ["kdfAlg", "kdfOpsLimit", "kdfMemLimit"],
    _count: { _all: true },
  });
  return groups.map((group) => ({
    alg: group.kdfAlg,
    opslimit: group.kdfOpsLimit,
    memlimit: group.kdfMemLimit,
    accounts: group._count._all,
  }));
}

export async function findSessionUser(userId: string) {
  const prisma = await db();
  return prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, status: true },
  });
}

export async function getAccount(userId: string) {
  const prisma = await db();
  return prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, org: { select: { name: true } } },
  });
}

export async function getKeyMaterial(userId: string) {
  const prisma = await db();
  return prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      wrappedUserKey: true,
      wrappedBoxPrivateKey: true,
      wrappedSignPrivateKey: true,
      boxPublicKey: true,
      signPublicKey: true,
      bundleSignature: true,
    },
  });
}

export async function replaceLoginSecrets(userId: string, change: ChangePasswordRequest) {
  const prisma = await db();
  await prisma.user.update({
    where: { id: userId },
    data: {
      kdfAlg: change.kdf.alg,
      kdfOpsLimit: change.kdf.opslimit,
      kdfMemLimit: change.kdf.memlimit,
      kdfSalt: change.kdf.salt,
      loginPublicKey: change.loginPublicKey,
      wrappedUserKey: change.wrappedUserKey,
    },
    select: { id: true },
  });
}

export async function listUsers() {
  const prisma = await db();
  return prisma.user.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, role: true, status: true, createdAt: true },
  });
}

export async function setUserStatus(userId: string, status: "active" | "suspended") {
  const prisma = await db();
  const result = await prisma.user.updateMany({ where: { id: userId }, data: { status } });
  return result.count === 1;
}
