import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, mfaEnrolmentRequired, mfaPending, unauthorized } from "./errors";
import { authOptions } from "./auth/options";
import type { SessionContext } from "./session-validation";

export type { SessionContext, SessionMfa } from "./session-validation";

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
