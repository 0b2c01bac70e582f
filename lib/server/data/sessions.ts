import "server-only";
import { db, queryRows } from "../db";
import { hashToken, randomId, randomToken } from "../tokens";
import { orgMfaPolicyColumns } from "./mfa";
import type { MfaPolicy, OrgRole, UserStatus } from "../generated/prisma/enums";

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

interface SessionRequestRow {
  id: string;
  userId: string;
  authTime: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  mfaVerified: boolean;
  stepUpAt: Date | null;
  stepUpCredentialId: string | null;
  status: UserStatus;
  email: string;
  name: string;
  role: OrgRole;
  createdAt: Date;
  mfaRequired: boolean;
  requireMfa: MfaPolicy;
  mfaGraceDays: number;
  mfaPolicySince: Date | null;
  mfaUserVerification: boolean;
  activeKeyCount: number;
}

/**
 * The session a request presents, with its person, the org's MFA policy and the person's active
 * key count, in one statement (docs/decisions/0052). In the same statement `lastSeenAt` moves to
 * `touch.at` when it is older than `touch.seenBefore` and the session is still good: not
 * revoked, its person active, seen after `touch.seenAfter` (the idle limit), begun after
 * `touch.authAfter` (the absolute limit) and not past `expiresAt`. The row comes back as it was
 * before the touch, for the caller's own checks. (PostgreSQL runs a data-modifying WITH once
 * whether or not the query reads it.)
 */
export async function readSessionForRequest(
  token: string,
  touch: { at: Date; seenBefore: Date; seenAfter: Date; authAfter: Date },
) {
  const rows = await queryRows<SessionRequestRow>`
    WITH found AS (
      SELECT s."id", s."userId", s."authTime", s."lastSeenAt", s."expiresAt", s."revokedAt",
             s."mfaVerified", s."stepUpAt", s."stepUpCredentialId",
             u."status"::text AS "status", u."email", u."name", u."role"::text AS "role",
             u."createdAt", u."mfaRequired",
             o."requireMfa"::text AS "requireMfa", o."mfaGraceDays", o."mfaPolicySince",
             o."mfaUserVerification",
             (SELECT count(*) FROM "WebAuthnCredential" w
              WHERE w."userId" = s."userId" AND w."disabledAt" IS NULL)::int AS "activeKeyCount"
      FROM "Session" s
      JOIN "User" u ON u."id" = s."userId"
      JOIN "Organization" o ON o."id" = u."orgId"
      WHERE s."tokenHash" = ${hashToken(token)}
    ), touched AS (
      UPDATE "Session" s SET "lastSeenAt" = ${touch.at}
      FROM found f
      WHERE s."id" = f."id" AND s."revokedAt" IS NULL AND f."status" = 'active'
        AND s."lastSeenAt" < ${touch.seenBefore} AND s."lastSeenAt" > ${touch.seenAfter}
        AND s."authTime" > ${touch.authAfter} AND s."expiresAt" > ${touch.at}
      RETURNING s."id"
    )
    SELECT * FROM found`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    userId: row.userId,
    authTime: row.authTime,
    lastSeenAt: row.lastSeenAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    mfaVerified: row.mfaVerified,
    stepUpAt: row.stepUpAt,
    stepUpCredentialId: row.stepUpCredentialId,
    user: {
      status: row.status,
      email: row.email,
      name: row.name,
      role: row.role,
      createdAt: row.createdAt,
      mfaRequired: row.mfaRequired,
      activeKeyCount: row.activeKeyCount,
      org: {
        requireMfa: row.requireMfa,
        mfaGraceDays: row.mfaGraceDays,
        mfaPolicySince: row.mfaPolicySince,
        mfaUserVerification: row.mfaUserVerification,
      },
    },
  };
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
