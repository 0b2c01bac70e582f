import "server-only";
import { getServerSession } from "next-auth";
import { userSessionSecretOf } from "@/lib/api/device-login";
import { HttpError, forbidden, mfaEnrolmentRequired, mfaPending, unauthorized } from "./errors";
import { authOptions } from "./auth/options";
import { readSessionCookie, sessionSecretOfCookie } from "./auth/session-cookie";
import {
  SessionInvalidError,
  validateSessionToken,
  type SessionContext,
} from "./session-validation";

export type { SessionContext, SessionMfa } from "./session-validation";

/**
 * A command-line session (`coffer login`) presented itself and its row says no: revoked,
 * expired, idle, or its person suspended. Told apart from "not signed in" so the CLI can say
 * its session ended (docs/decisions/0033).
 */
const sessionEnded = () =>
  new HttpError(401, "session_ended", "This session has ended. Sign in again with coffer login.");

/**
 * The signed-in session of this request, or null. Runs the full database check. A request
 * with a `Bearer coffer_us_…` credential is judged by that alone, never by a cookie beside it.
 * Route handlers pass their request and open the session cookie here; pages (no request) go
 * through next-auth, which also refreshes the cookie (docs/decisions/0052).
 */
export async function currentSession(request?: Request): Promise<SessionContext | null> {
  if (!request) {
    const session = await getServerSession(authOptions);
    return session?.coffer ?? null;
  }
  const bearerSecret = userSessionSecretOf(request.headers.get("authorization"));
  if (bearerSecret) {
    try {
      return await validateSessionToken(bearerSecret);
    } catch (error) {
      if (error instanceof SessionInvalidError) throw sessionEnded();
      throw error;
    }
  }
  const cookie = readSessionCookie(request.headers.get("cookie"));
  const sessionSecret = cookie ? sessionSecretOfCookie(cookie) : null;
  if (!sessionSecret) return null;
  try {
    return await validateSessionToken(sessionSecret);
  } catch (error) {
    // As next-auth's jwt callback failing: not signed in.
    if (error instanceof SessionInvalidError) return null;
    throw error;
  }
}

/**
 * Any live session, even one still waiting for its second factor: for the MFA step itself.
 */
export async function requirePendingSession(request?: Request): Promise<SessionContext> {
  const session = await currentSession(request);
  if (!session) throw unauthorized();
  return session;
}

/** A session past its second factor, though perhaps out of policy: for enrolling a key. */
export async function requireEnrolmentSession(request?: Request): Promise<SessionContext> {
  const session = await requirePendingSession(request);
  if (session.mfa.state === "pending") throw mfaPending();
  return session;
}

/**
 * A fully signed-in session: second factor done and the org's MFA policy met. Everything that
 * touches vaults, items, people or key material goes through this.
 */
export async function requireSession(request?: Request): Promise<SessionContext> {
  const session = await requireEnrolmentSession(request);
  if (!session.mfa.compliant) throw mfaEnrolmentRequired();
  return session;
}

export async function requireAdmin(request?: Request): Promise<SessionContext> {
  const session = await requireSession(request);
  if (session.role !== "owner" && session.role !== "admin") throw forbidden("Admins only.");
  return session;
}
