import { route } from "@/lib/server/route";
import { resetPersonMfa } from "@/lib/server/data/mfa";
import { findRankedUser } from "@/lib/server/data/org-roles";
import { requireOutranks } from "@/lib/server/org-rank";
import { badRequest, notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

/**
 * For a person who lost every key and code: their keys and codes are removed and they are
 * signed out, but they stay MFA-required and must enrol a new key at their next sign-in.
 * Resetting someone's keys forces them into enrolment, so it follows the role order.
 */
export const DELETE = route({
  access: "admin",
  stepUp: true,
  handler: async ({ session, params, request }) => {
    const userId = params.userId ?? "";
    if (userId === session.userId) {
      throw badRequest("Manage your own keys from Security settings.", "userId");
    }
    const target = await findRankedUser(userId);
    if (!target) throw notFound("No such user.");
    await requireOutranks(session, target, "reset_mfa", request);
    const result = await resetPersonMfa(userId);
    await recordAudit({
      action: "mfa.reset_by_admin",
      actorId: session.userId,
      request,
      targetType: "user",
      targetId: userId,
      details: result,
    });
    return result;
  },
});
