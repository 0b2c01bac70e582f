import "server-only";
import { getServerSession } from "next-auth";
import { env } from "./env";
import { findSessionByToken, revokeSession, touchSession } from "./data/sessions";
import { forbidden, mfaEnrolmentRequired, mfaPending, unauthorized } from "./errors";
import { complianceOf, sessionMfaState } from "./mfa/compliance";
import type { MfaState } from "@/lib/api/mfa";
import { authOptions } from "./auth/options";
import type { OrgRole } from "@/lib/api/account";

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
 * The check every authenticated request goes through (from next-auth's jwt callback): the
 * session row must exist, not be revoked, be within its absolute and idle limits, and belong
 * to an active user. Throws SessionInvalidError otherwise; an idle or over-age session is
 * revoked so it cannot come back.
 */
export async function validateSessionToken(token: string): Promise<SessionContext> {
  const row = await findSessionByToken(token);
  if (!row) throw new SessionInvalidError("unknown");
  if (row.revokedAt) throw new SessionInvalidError("revoked");
  const now = Date.now();
  const absoluteLimitMs = env.COFFER_SESSION_MAX_HOURS * 3_600_000;
  const idleLimitMs = env.COFFER_SESSION_IDLE_MINUTES * 60_000;
  const expired = row.expiresAt.getTime() <= now || row.authTime.getTime() + absoluteLimitMs <= now;
  const idle = row.lastSeenAt.getTime() + idleLimitMs <= now;
  if (expired || idle) {
    await revokeSession(row.id);
    throw new SessionInvalidError(expired ? "expired" : "idle");
  }
  if (row.user.status !== "active") throw new SessionInvalidError("suspended");
  if (now - row.lastSeenAt.getTime() > touchIntervalFor(idleLimitMs))
    await touchSession(row.id, new Date(now));
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

function sessionMfa(row: NonNullable<Awaited<ReturnType<typeof findSessionByToken>>>): SessionMfa {
  const activeKeyCount = row.user._count.webAuthnCredentials;
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

/** The signed-in session of this request, or null. Runs the full database check. */
export async function currentSession(): Promise<SessionContext | null> {
  const session = await getServerSession(authOptions);
  return session?.coffer ?? null;
}

/**
 * Any live session, even one still waiting for its second factor: for the MFA step itself.
 */
export async function requirePendingSession(): Promise<SessionContext> {
  const session = await currentSession();
  if (!session) throw unauthorized();
  return session;
}

/** A session past its second factor, though perhaps out of policy: for enrolling a key. */
export async function requireEnrolmentSession(): Promise<SessionContext> {
  const session = await requirePendingSession();
  if (session.mfa.state === "pending") throw mfaPending();
  return session;
}

/**
 * A fully signed-in session: second factor done and the org's MFA policy met. Everything that
 * touches vaults, items, people or key material goes through this.
 */
export async function requireSession(): Promise<SessionContext> {
  const session = await requireEnrolmentSession();
  if (!session.mfa.compliant) throw mfaEnrolmentRequired();
  return session;
}

export async function requireAdmin(): Promise<SessionContext> {
  const session = await requireSession();
  if (session.role !== "owner" && session.role !== "admin") throw forbidden("Admins only.");
  return session;
}
