import { route } from "@/lib/server/route";
import { approveDeviceLoginRequest, userSessionSecretOf } from "@/lib/api/device-login";
import { answerRequest } from "@/lib/server/auth/device-login";
import { forbidden } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

// The browser's client has recomputed the code from the public key and sealed the userKey to
// it; the server only stores the sealed bytes. A sensitive action: step-up where the person has
// a security key.
export const POST = route({
  access: "session",
  stepUp: true,
  body: approveDeviceLoginRequest,
  handler: async ({ params, body, session, request }) => {
    // A command-line session cannot approve another: otherwise one stolen CLI session could
    // mint more of itself, without the browser and its step-up.
    if (userSessionSecretOf(request.headers.get("authorization"))) {
      throw forbidden("Approve a command-line sign-in in the browser.");
    }
    const id = params.deviceLoginId ?? "";
    await answerRequest(id, { approvedById: session.userId, sealedUserKey: body.sealedUserKey });
    await recordAudit({
      action: "device_login.approve",
      actorId: session.userId,
      request,
      targetType: "device_login",
      targetId: id,
    });
    return undefined;
  },
});
