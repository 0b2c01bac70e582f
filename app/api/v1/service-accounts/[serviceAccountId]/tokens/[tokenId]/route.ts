import { route } from "@/lib/server/route";
import { revokeTokenOfAccount } from "@/lib/server/machines/tokens";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const DELETE = route({
  access: "session",
  handler: async ({ session, params, request }) => {
    const token = await revokeTokenOfAccount(
      session,
      params.serviceAccountId ?? "",
      params.tokenId ?? "",
    );
    await recordAudit({
      action: "token.revoke",
      actorId: session.userId,
      request,
      targetType: "token",
      targetId: token.id,
      details: { serviceAccountId: token.serviceAccountId },
    });
    return token;
  },
});
