import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { CreateServiceAccountRequest } from "@/lib/api/machine";
import { isUniqueViolation } from "./organization";

const summaryColumns = {
  id: true,
  name: true,
  description: true,
  status: true,
  maxTokenTtlSeconds: true,
  flaggedAt: true,
  flagReason: true,
  createdAt: true,
  createdById: true,
} satisfies Prisma.ServiceAccountSelect;

/** False when the id or the name is taken. */
export async function insertServiceAccount(
  input: CreateServiceAccountRequest & { orgId: string; createdById: string },
): Promise<boolean> {
  const prisma = await db();
  try {
    await prisma.serviceAccount.create({
      data: {
        id: input.id,
        orgId: input.orgId,
        name: input.name,
        description: input.description,
        maxTokenTtlSeconds: input.maxTokenTtlSeconds,
        ...input.keys,
        trustedGranters: input.trustedGranters,
        createdById: input.createdById,
        managers: {
          create: input.managers.map((manager) => ({
            userId: manager.userId,
            sealedSaKey: manager.sealedSaKey,
            addedById: input.createdById,
          })),
        },
      },
      select: { id: true },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Every account (for admins) or those `userId` manages, with counts for the list. */
export async function listServiceAccounts(filter: { managedBy?: string }) {
  const prisma = await db();
  const now = new Date();
  return prisma.serviceAccount.findMany({
    where: filter.managedBy ? { managers: { some: { userId: filter.managedBy } } } : {},
    orderBy: { name: "asc" },
    select: {
      ...summaryColumns,
      managers: { select: { userId: true } },
      _count: {
        select: {
          tokens: { where: { revokedAt: null, suspendedAt: null, expiresAt: { gt: now } } },
        },
      },
      grants: { select: { vaultId: true }, distinct: ["vaultId"] },
    },
  });
}

export async function findServiceAccount(serviceAccountId: string) {
  const prisma = await db();
  const now = new Date();
  const account = await prisma.serviceAccount.findUnique({
    where: { id: serviceAccountId },
    select: {
      ...summaryColumns,
      boxPublicKey: true,
      signPublicKey: true,
      bundleSignature: true,
      wrappedBoxPrivateKey: true,
      wrappedSignPrivateKey: true,
      trustedGranters: true,
      trustedGrantersRevision: true,
      managers: { select: { userId: true, sealedSaKey: true } },
      _count: {
        select: {
          tokens: { where: { revokedAt: null, suspendedAt: null, expiresAt: { gt: now } } },
        },
      },
    },
  });
  if (!account) return null;
  // Only grants at each vault's current key version are live; older ones were rotated away.
  const grants = await prisma.$queryRaw<
    Array<{
      vaultId: string;
      keyVersion: number;
      scope: "read" | "readwrite";
      boxPublicKey: string;
      sealedKey: string;
      signature: string;
      granterId: string;
    }>
  >`SELECT g."vaultId", g."keyVersion", g."scope", g."boxPublicKey", g."sealedKey",
           g."signature", g."granterId"
    FROM "ServiceAccountGrant" g JOIN "Vault" v ON v."id" = g."vaultId"
    WHERE g."serviceAccountId" = ${serviceAccountId} AND g."keyVersion" = v."keyVersion"
    ORDER BY g."createdAt" ASC`;
  return { account, grants };
}

export async function findManagerCopy(serviceAccountId: string, userId: string) {
  const prisma = await db();
  return prisma.serviceAccountManager.findUnique({
    where: { serviceAccountId_userId: { serviceAccountId, userId } },
    select: { sealedSaKey: true },
  });
}

export async function setServiceAccountStatus(
  serviceAccountId: string,
  status: "active" | "disabled",
): Promise<boolean> {
  const prisma = await db();
  const result = await prisma.serviceAccount.updateMany({
    where: { id: serviceAccountId },
    data: { status },
  });
  return result.count === 1;
}

export async function deleteServiceAccount(serviceAccountId: string): Promise<boolean> {
  const prisma = await db();
  const result = await prisma.serviceAccount.deleteMany({ where: { id: serviceAccountId } });
  return result.count === 1;
}

/** A bootstrap token presented twice: the account is flagged as possibly intercepted. */
export async function flagServiceAccount(serviceAccountId: string, reason: string) {
  const prisma = await db();
  await prisma.serviceAccount.updateMany({
    where: { id: serviceAccountId },
    data: { flaggedAt: new Date(), flagReason: reason },
  });
}

export async function countManagedVaults(userId: string) {
  const prisma = await db();
  return prisma.vaultMember.count({ where: { userId, role: "manage" } });
}

export async function countActivePeople(userIds: string[]) {
  const prisma = await db();
  return prisma.user.count({ where: { id: { in: userIds }, status: "active" } });
}

/** Public bundles of the given people (managers shown with an account). */
export async function findBundles(userIds: string[]) {
  const prisma = await db();
  return prisma.user.findMany({
    where: { id: { in: [...new Set(userIds)] } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      email: true,
      name: true,
      signPublicKey: true,
      boxPublicKey: true,
      bundleSignature: true,
      status: true,
    },
  });
}

/** Name and flag of each account, for the offboarding report's re-key list. */
export async function findServiceAccountFlags(serviceAccountIds: string[]) {
  if (!serviceAccountIds.length) return [];
  const prisma = await db();
  return prisma.serviceAccount.findMany({
    where: { id: { in: serviceAccountIds } },
    select: { id: true, name: true, flaggedAt: true, flagReason: true },
  });
}
