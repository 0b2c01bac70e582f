import { route } from "@/lib/server/route";
import { signupRequest } from "@/lib/api/account";
import { acceptInvite } from "@/lib/server/data/invites";
import { isUniqueViolation } from "@/lib/server/data/organization";
import { assertSelfSignedBundle } from "@/lib/server/auth/new-account";
import { badRequest, conflict, notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit";
import { newcomerKeyRequirement, recordSignupSteps } from "@/lib/server/onboarding/progress";

export const dynamic = "force-dynamic";

export const POST = route({
  access: "public",
  body: signupRequest,
  status: 201,
  handler: async ({ body, request }) => {
    await assertSelfSignedBundle(body.account);
    try {
      const result = await acceptInvite(body.inviteToken, body.account, {
        keyRequiredFor: await newcomerKeyRequirement(),
      });
      if (result.outcome === "invalid") {
        throw notFound("This invite link is invalid, expired, revoked or already used.");
      }
      if (result.outcome === "email_mismatch") {
        throw badRequest("Use the email address the invite was sent to.", "account.email");
      }
      await recordAudit({ action: "user.signup", actorId: result.userId, request });
      await recordSignupSteps(result.onboarding, result.userId, request);
      return { userId: result.userId };
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict("An account with this email already exists.");
      throw error;
    }
  },
});
