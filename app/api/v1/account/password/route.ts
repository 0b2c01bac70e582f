import { route } from "@/lib/server/route";
import { changePasswordRequest } from "@/lib/api/account";
import { verifySignInProof } from "@/lib/server/auth/verify-proof";
import { replaceLoginSecrets } from "@/lib/server/data/users";
import { revokeOtherSessions } from "@/lib/server/data/sessions";
import { forbidden } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const POST = route({
  access: "session",
  stepUp: true,
  body: changePasswordRequest,
  handler: async ({ body, session, request }) => {
    // The old password is proven like a sign-in, so a hijacked unlocked tab alone cannot
    // change it.
    const proof = await verifySignInProof({
      email: session.email,
      challengeId: body.challengeId,
      signature: body.signature,
    });
    if (!proof.ok || proof.userId !== session.userId) {
      throw forbidden("The current password is not correct.");
    }
    await replaceLoginSecrets(session.userId, body);
    const revoked = await revokeOtherSessions(session.userId, session.sessionId);
    await recordAudit({
      action: "account.password_change",
      actorId: session.userId,
      request,
      details: { sessionsRevoked: revoked },
    });
    return { revoked };
  },
});
