import { route } from "@/lib/server/route";
import { revokeSession } from "@/lib/server/data/sessions";
import { notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const DELETE = route({
  access: "session",
  handler: async ({ params, session, request }) => {
    // Scoped to the caller's own sessions: someone else's id answers 404.
    const revoked = await revokeSession(params.sessionId ?? "", session.userId);
    if (revoked !== 1) throw notFound("No active session with this id.");
    await recordAudit({
      action: "session.revoke",
      actorId: session.userId,
      request,
      targetType: "session",
      targetId: params.sessionId,
    });
    return undefined;
  },
});
