import { route } from "@/lib/server/route";
import { pollDeviceLoginRequest } from "@/lib/api/device-login";
import { pollRequest } from "@/lib/server/auth/device-login";
import { clientAddress } from "@/lib/server/request-origin";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

// The poll secret in the body is the only authority: a cookie beside it counts for nothing,
// so the person who approved cannot redeem the request from their own browser.
export const POST = route({
  access: "public",
  body: pollDeviceLoginRequest,
  handler: async ({ params, body, request }) => {
    const id = params.deviceLoginId ?? "";
    const { answer, redeemedBy } = await pollRequest(
      id,
      body.pollToken,
      clientAddress(request.headers),
    );
    if (answer.status === "approved") {
      await recordAudit({
        action: "device_login.redeem",
        actorId: redeemedBy ?? null,
        request,
        targetType: "session",
        targetId: answer.sessionId,
        details: { deviceLoginId: id },
      });
    }
    return answer;
  },
});
