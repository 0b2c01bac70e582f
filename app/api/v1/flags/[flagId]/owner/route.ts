import { route } from "@/lib/server/route";
import { assignFlagRequest } from "@/lib/api/rotation";
import { assignFlag, findFlag } from "@/lib/server/data/flags";
import { requireFlagAccess, requireFlagOwnerCandidate } from "@/lib/server/rotation/policy";
import { flagsToDtos } from "@/lib/server/rotation/flags-view";
import { recordAudit } from "@/lib/server/audit";
import { conflict, notFound } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

export const PUT = route({
  access: "session",
  body: assignFlagRequest,
  handler: async ({ session, params, body, request }) => {
    const flag = await requireFlagAccess(session, params.flagId ?? "", "manage");
    if (body.ownerId) await requireFlagOwnerCandidate(flag.vaultId, body.ownerId);
    const dueAt = body.dueAt ? new Date(body.dueAt) : undefined;
    if (!(await assignFlag(flag.id, body.ownerId, dueAt))) {
      throw conflict("This flag has already cleared.");
    }
    await recordAudit({
      action: "flag.assign",
      actorId: session.userId,
      request,
      vaultId: flag.vaultId,
      targetType: "flag",
      targetId: flag.id,
      details: { ownerId: body.ownerId, dueAt: dueAt?.toISOString() ?? null },
    });
    const updated = await findFlag(flag.id);
    if (!updated) throw notFound("No such flag.");
    const [dto] = await flagsToDtos([updated]);
    return dto;
  },
});
