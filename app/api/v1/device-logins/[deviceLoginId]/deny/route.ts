import { route } from "@/lib/server/route";
import { answerRequest } from "@/lib/server/auth/device-login";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const POST = route({
  access: "session",
  handler: async ({ params, session, request }) => {
    const id = params.deviceLoginId ?? "";
    await answerRequest(id, { deniedById: session.userId });
    await recordAudit({
      action: "device_login.deny",
      actorId: session.userId,
      request,
      targetType: "device_login",
      targetId: id,
    });
    return undefined;
  },
});
