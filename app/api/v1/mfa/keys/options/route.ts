import { route } from "@/lib/server/route";
import { listActiveKeys } from "@/lib/server/data/mfa";
import { requireStepUp } from "@/lib/server/mfa/step-up";
import { registrationOptions } from "@/lib/server/mfa/webauthn";

export const dynamic = "force-dynamic";

export const POST = route({
  access: "enrolment",
  handler: async ({ session }) => {
    // A second key is added only by someone who just proved they hold the first.
    requireStepUp(session);
    const keys = await listActiveKeys(session.userId);
    return registrationOptions({
      sessionId: session.sessionId,
      userId: session.userId,
      email: session.email,
      name: session.name,
      existingCredentialIds: keys,
      userVerificationRequired: session.mfa.userVerification,
    });
  },
});
