import "server-only";
import { redirect } from "next/navigation";
import { currentSession, type SessionContext } from "./session";
import { organizationExists } from "./data/organization";

/**
 * For server-rendered pages: the checked session, or a redirect to sign-in (or to setup on a
 * fresh installation). Every authenticated page calls this; a revoked session is therefore
 * signed out on its next navigation.
 */
export async function pageSession(): Promise<SessionContext> {
  const session = await signedInPageSession();
  // A sign-in still waiting for its key, or someone out of MFA policy, sees only the MFA step.
  if (session.mfa.state === "pending" || !session.mfa.compliant) redirect("/mfa");
  return session;
}

/** For the MFA step itself: any live session, whatever its second-factor state. */
export async function signedInPageSession(): Promise<SessionContext> {
  const session = await currentSession();
  if (session) return session;
  if (!(await organizationExists())) redirect("/setup");
  redirect("/signin");
}

export async function adminPageSession(): Promise<SessionContext> {
  const session = await pageSession();
  if (session.role !== "owner" && session.role !== "admin") redirect("/home");
  return session;
}
