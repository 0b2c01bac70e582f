import "server-only";
import { db } from "../db";
import { randomId } from "../tokens";
import type { MfaPolicySettings } from "@/lib/api/mfa";

/** The organisation columns every session check needs to judge MFA compliance. */
export const orgMfaPolicyColumns = {
  requireMfa: true,
  mfaGraceDays: true,
  mfaPolicySince: true,
  mfaUserVerification: true,
} as const;

const challengeLifetimeMs = 2 * 60_000;

const keyColumns = {
  id: true,
  credentialId: true,
  publicKey: true,
  counter: true,
  transports: true,
  nickname: true,
  deviceType: true,
  backedUp: true,
  createdAt: true,
  lastUsedAt: true,
} as const;

export async function getOrgMfaPolicy() {
  const prisma = await db();
  return prisma.organization.findFirstOrThrow({ select: { id: true, ...orgMfaPolicyColumns } });
}

/** Saves the policy; the grace period restarts only when who is covered changes. */
export async function setOrgMfaPolicy(orgId: string, settings: MfaPolicySettings) {
  const prisma = await db();
  const current = await prisma.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { requireMfa: true, mfaPolicySince: true },
  });
  const widened = current.requireMfa !== settings.requireMfa;
  return prisma.organization.update({
    where: { id: orgId },
    data: {
      requireMfa: settings.requireMfa,
      mfaGraceDays: settings.graceDays,
      mfaUserVerification: settings.userVerification,
      mfaPolicySince: widened ? new Date() : current.mfaPolicySince,
    },
    select: orgMfaPolicyColumns,
  });
}

export async function listActiveKeys(userId: string) {
  const prisma = await db();
  return prisma.webAuthnCredential.findMany({
    where: { userId, disabledAt: null },
    orderBy: { createdAt: "asc" },
    select: keyColumns,
  });
}

export async function findActiveKeyByCredentialId(credentialId: string) {
  const prisma = await db();
  return prisma.webAuthnCredential.findFirst({
    where: { credentialId, disabledAt: null },
    select: { ...keyColumns, userId: true },
  });
}

export async function addKey(input: {
  userId: string;
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  nickname: string;
  deviceType: string;
  backedUp: boolean;
}) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const key = await tx.webAuthnCredential.create({
      data: { id: randomId(), ...input, counter: BigInt(input.counter) },
      select: keyColumns,
    });
    // Enrolling once makes the second factor this person's own rule from now on.
    await tx.user.update({ where: { id: input.userId }, data: { mfaRequired: true } });
    return key;
  });
}

/**
 * Records a verified assertion: the new counter and last use. The counter only moves forward
 * (the WHERE clause), so of two racing uses of one assertion at most one is saved.
 */
export async function recordKeyUse(keyId: string, previousCounter: bigint, newCounter: number) {
  const prisma = await db();
  const result = await prisma.webAuthnCredential.updateMany({
    where: { id: keyId, counter: previousCounter, disabledAt: null },
    data: { counter: BigInt(newCounter), lastUsedAt: new Date() },
  });
  return result.count === 1;
}

export async function renameKey(userId: string, keyId: string, nickname: string) {
  const prisma = await db();
  const result = await prisma.webAuthnCredential.updateMany({
    where: { id: keyId, userId, disabledAt: null },
    data: { nickname },
  });
  return result.count === 1;
}

export async function removeKey(userId: string, keyId: string) {
  const prisma = await db();
  const result = await prisma.webAuthnCredential.deleteMany({ where: { id: keyId, userId } });
  return result.count === 1;
}

/**
 * An admin's reset: every key and recovery code gone, the person left MFA-required (they
 * enrol again at their next sign-in) and signed out everywhere.
 */
export async function resetPersonMfa(userId: string) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const keys = await tx.webAuthnCredential.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.user.update({ where: { id: userId }, data: { mfaRequired: true } });
    const sessions = await tx.session.updateMany({
      where: { userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return { keysRemoved: keys.count, sessionsRevoked: sessions.count };
  });
}

export async function storeWebAuthnChallenge(
  sessionId: string,
  challenge: string,
  purpose: "registration" | "authentication",
) {
  const prisma = await db();
  await prisma.webAuthnChallenge.create({
    data: { challenge, sessionId, purpose, expiresAt: new Date(Date.now() + challengeLifetimeMs) },
    select: { challenge: true },
  });
  if (Math.random() < 0.05) {
    await prisma.webAuthnChallenge.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  }
}

/**
 * Takes a live challenge issued to this session for this purpose. The conditional DELETE is
 * atomic: a replay, a second racing use or another session's challenge finds nothing.
 */
export async function takeWebAuthnChallenge(
  sessionId: string,
  challenge: string,
  purpose: "registration" | "authentication",
): Promise<boolean> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<Array<{ challenge: string }>>`
    DELETE FROM "WebAuthnChallenge"
    WHERE "challenge" = ${challenge} AND "sessionId" = ${sessionId}
      AND "purpose" = ${purpose}::"WebAuthnPurpose" AND "expiresAt" > ${new Date()}
    RETURNING "challenge"`;
  return rows.length === 1;
}

export async function replaceRecoveryCodes(userId: string, codeHashes: string[]) {
  const prisma = await db();
  await prisma.$transaction([
    prisma.recoveryCode.deleteMany({ where: { userId } }),
    prisma.recoveryCode.createMany({
      data: codeHashes.map((codeHash) => ({ id: randomId(), userId, codeHash })),
    }),
  ]);
}

/** Spends one code; true only for the single request that marked it used. */
export async function spendRecoveryCode(userId: string, codeHash: string): Promise<boolean> {
  const prisma = await db();
  const result = await prisma.recoveryCode.updateMany({
    where: { userId, codeHash, usedAt: null },
    data: { usedAt: new Date() },
  });
  return result.count === 1;
}

export async function countUnusedRecoveryCodes(userId: string) {
  const prisma = await db();
  return prisma.recoveryCode.count({ where: { userId, usedAt: null } });
}

/** Everyone with the facts the compliance view needs. */
export async function listMfaFacts() {
  const prisma = await db();
  return prisma.user.findMany({
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      status: true,
      createdAt: true,
      mfaRequired: true,
      webAuthnCredentials: {
        where: { disabledAt: null },
        select: { lastUsedAt: true },
      },
    },
  });
}

export async function getPersonMfaFacts(userId: string) {
  const prisma = await db();
  return prisma.user.findUnique({
    where: { id: userId },
    select: {
      role: true,
      createdAt: true,
      mfaRequired: true,
      _count: { select: { webAuthnCredentials: { where: { disabledAt: null } } } },
    },
  });
}
