import "server-only";
import { badRequest, notFound } from "../errors";
import { requireOrgAdmin, requireOutranks } from "../org-rank";
import type { SessionContext } from "../session";
import { findOffboardingSubject } from "../data/offboarding";

export type OffboardingSubject = NonNullable<Awaited<ReturnType<typeof findOffboardingSubject>>>;

/**
 * Starting an offboarding suspends an account, so it is an admin action under the role order:
 * admins offboard members, the owner admins and members, nobody the owner. A vault manager
 * who is not an admin takes people out of their own vaults by removing them (which rotates
 * the vault key), never by suspending them. The admin check comes first so that a member
 * learns nothing about who exists.
 */
export async function requireCanOffboard(
  session: SessionContext,
  userId: string,
  request?: Request,
): Promise<OffboardingSubject> {
  if (userId === session.userId) throw badRequest("You cannot offboard yourself.", "userId");
  await requireOrgAdmin(session, "offboard", userId, request);
  const subject = await findOffboardingSubject(userId);
  if (!subject) throw notFound("No such person.");
  await requireOutranks(session, subject, "offboard", request);
  return subject;
}
