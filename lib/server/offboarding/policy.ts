import "server-only";
import { badRequest, forbidden, notFound } from "../errors";
import { isOrgAdmin } from "../policies";
import type { SessionContext } from "../session";
import { findOffboardingSubject, managesVaultOf } from "../data/offboarding";

export type OffboardingSubject = NonNullable<Awaited<ReturnType<typeof findOffboardingSubject>>>;

/**
 * Who may offboard whom: admins anyone but themselves and the owner; a vault manager the
 * plain members of a vault they manage. A manager may not offboard an admin: that would let
 * a member suspend the people who administer them.
 */
export async function requireCanOffboard(
  session: SessionContext,
  userId: string,
): Promise<OffboardingSubject> {
  if (userId === session.userId) throw badRequest("You cannot offboard yourself.", "userId");
  const subject = await findOffboardingSubject(userId);
  if (!subject) throw notFound("No such person.");
  if (subject.role === "owner") throw badRequest("The owner cannot be offboarded.", "userId");
  if (isOrgAdmin(session)) return subject;
  if (subject.role !== "member") throw forbidden("Only an admin can offboard an admin.");
  if (!(await managesVaultOf(session.userId, subject.id))) {
    throw forbidden(
      "Only an admin, or a manager of one of their vaults, can offboard this person.",
    );
  }
  return subject;
}
