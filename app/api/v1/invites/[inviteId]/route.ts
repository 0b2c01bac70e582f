import { route } from "@/lib/server/route";
import { revokeInvite } from "@/lib/server/data/invites";
import { notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const DELETE = route({
  access: "admin",
  handler: async ({ params, session, request }) => {
    if (!(await revokeInvite(params.inviteId ?? "")))
      throw notFound("No pending invite with this id.");
    await recordAudit({
      action: "invite.revoke",
      actorId: session.userId,
      request,
      targetType: "invite",
      targetId: params.inviteId,
    });
    return undefined;
  },
});
