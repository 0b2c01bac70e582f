import { route } from "@/lib/server/route";
import { revokeOtherSessions } from "@/lib/server/data/sessions";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const POST = route({
  access: "session",
  handler: async ({ session, request }) => {
    const revoked = await revokeOtherSessions(session.userId, session.sessionId);
    await recordAudit({
      action: "session.revoke_others",
      actorId: session.userId,
      request,
      details: { revoked },
    });
    return { revoked };
  },
});
