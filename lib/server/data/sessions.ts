import "server-only";
import { db } from "../db";
import { hashToken, randomId, randomToken } from "../tokens";
import { orgMfaPolicyColumns } from "./mfa";

export async function createSession(input: {
  userId: string;
  lifetimeMs: number;
  userAgent: string | null;
  ipAddress: string | null;
  /** A session born verified: one a person approved from a session past its second factor. */
  mfaVerified?: boolean;
}) {
  const prisma = await db();
  const token = randomToken(32);
  const now = new Date();
  const row = await prisma.session.create({
    data: {
      id: randomId(),
      tokenHash: hashToken(token),
      userId: input.userId,
      authTime: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + input.lifetimeMs),
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      ipAddress: input.ipAddress,
      mfaVerified: input.mfaVerified ?? false,
    },
    select: { id: true, authTime: true, expiresAt: true },
  });
  return { sessionId: row.id, token, authTime: row.authTime, expiresAt: row.expiresAt };
}

export async function findSessionByToken(token: string) {
  const prisma = await db();
  return prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      userId: true,
      authTime: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      mfaVerified: true,
      stepUpAt: true,
      stepUpCredentialId: true,
      user: {
        select: {
          status: true,
          email: true,
          name: true,
          role: true,
          createdAt: true,
          mfaRequired: true,
          org: { select: orgMfaPolicyColumns },
          _count: { select: { webAuthnCredentials: { where: { disabledAt: null } } } },
        },
      },
    },
  });
}

export async function touchSession(sessionId: string, at: Date) {
  const prisma = await db();
  await prisma.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { lastSeenAt: at },
  });
}

export async function revokeSession(sessionId: string, userId?: string) {
  const prisma = await db();
  const result = await prisma.session.updateMany({
    where: { id: sessionId, revokedAt: null, ...(userId ? { userId } : {}) },
    data: { revokedAt: new Date() },
  });
  return result.count;
}

export async function revokeOtherSessions(userId: string, keepSessionId: string) {
  const prisma = await db();
  const result = await prisma.session.updateMany({
    where: { userId, revokedAt: null, id: { not: keepSessionId } },
    data: { revokedAt: new Date() },
  });
  return result.count;
}

export async function revokeAllSessions(userId: string) {
  const prisma = await db();
  const result = await prisma.session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return result.count;
}

export async function listActiveSessions(userId: string) {
  const prisma = await db();
  return prisma.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, authTime: true, lastSeenAt: true, userAgent: true, ipAddress: true },
  });
}

/** Marks a session as confirmed by a second factor, at this moment (a step-up as well). */
export async function markSessionVerified(sessionId: string, credentialId: string | null) {
  const prisma = await db();
  await prisma.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { mfaVerified: true, stepUpAt: new Date(), stepUpCredentialId: credentialId },
  });
}
