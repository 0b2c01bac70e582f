import "server-only";
import { env } from "./env";
import { readSessionForRequest, revokeSession } from "./data/sessions";
import { complianceOf, sessionMfaState } from "./mfa/compliance";
import type { MfaState } from "@/lib/api/mfa";
import type { OrgRole } from "@/lib/api/account";

// The session check on its own, so next-auth's options (which run it in the jwt callback) and
// lib/server/session.ts (which reads next-auth's session) both import it without importing
// each other.

export interface SessionContext {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  role: OrgRole;
  authTime: string;
  mfa: SessionMfa;
}

export interface SessionMfa {
  state: MfaState;
  compliant: boolean;
  required: boolean;
  graceUntil: string | null;
  activeKeyCount: number;
  userVerification: boolean;
  stepUpAt: string | null;
  stepUpCredentialId: string | null;
}

export class SessionInvalidError extends Error {
  constructor(reason: string) {
    super(`session ${reason}`);
    this.name = "SessionInvalidError";
  }
}

// lastSeenAt is written at most this often: enough precision for a 30-minute idle limit
// without a write on every request. A short idle limit needs proportionally fresher
// timestamps, or an active session would be judged idle between two writes.
const touchIntervalFor = (idleLimitMs: number) => Math.min(30_000, idleLimitMs / 4);

/**
 * The check every authenticated request goes through (from next-auth's jwt callback, and for
 * API routes straight from lib/server/session.ts): the session row must exist, not be revoked,
 * be within its absolute and idle limits, and belong to an active user. Throws
 * SessionInvalidError otherwise; an idle or over-age session is revoked so it cannot come back.
 * Reading the row and refreshing its last use are one statement (docs/decisions/0052).
 */
export async function validateSessionToken(token: string): Promise<SessionContext> {
  const now = Date.now();
  const absoluteLimitMs = env.COFFER_SESSION_MAX_HOURS * 3_600_000;
  const idleLimitMs = env.COFFER_SESSION_IDLE_MINUTES * 60_000;
  const row = await readSessionForRequest(token, {
    at: new Date(now),
    seenBefore: new Date(now - touchIntervalFor(idleLimitMs)),
    seenAfter: new Date(now - idleLimitMs),
    authAfter: new Date(now - absoluteLimitMs),
  });
  if (!row) throw new SessionInvalidError("unknown");
  if (row.revokedAt) throw new SessionInvalidError("revoked");
  const expired = row.expiresAt.getTime() <= now || row.authTime.getTime() + absoluteLimitMs <= now;
  const idle = row.lastSeenAt.getTime() + idleLimitMs <= now;
  if (expired || idle) {
    await revokeSession(row.id);
    throw new SessionInvalidError(expired ? "expired" : "idle");
  }
  if (row.user.status !== "active") throw new SessionInvalidError("suspended");
  return {
    sessionId: row.id,
    userId: row.userId,
    email: row.user.email,
    name: row.user.name,
    role: row.user.role,
    authTime: row.authTime.toISOString(),
    mfa: sessionMfa(row),
  };
}

function sessionMfa(
  row: NonNullable<Awaited<ReturnType<typeof readSessionForRequest>>>,
): SessionMfa {
  const activeKeyCount = row.user.activeKeyCount;
  const compliance = complianceOf(row.user.org, {
    role: row.user.role,
    createdAt: row.user.createdAt,
    mfaRequired: row.user.mfaRequired,
    activeKeyCount,
  });
  return {
    state: sessionMfaState(activeKeyCount, row.mfaVerified),
    compliant: compliance.compliant,
    required: compliance.required,
    graceUntil: compliance.graceUntil?.toISOString() ?? null,
    activeKeyCount,
    userVerification: row.user.org.mfaUserVerification,
    stepUpAt: row.stepUpAt?.toISOString() ?? null,
    stepUpCredentialId: row.stepUpCredentialId,
  };
}
