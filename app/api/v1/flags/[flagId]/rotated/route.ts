import { route } from "@/lib/server/route";
import { markRotatedRequest } from "@/lib/api/rotation";
import { findFlag, markItemRotated } from "@/lib/server/data/flags";
import { requireFlagAccess } from "@/lib/server/rotation/policy";
import { flagsToDtos } from "@/lib/server/rotation/flags-view";
import { recordAudit } from "@/lib/server/audit";
import { conflict, notFound } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

// For a secret rotated outside Coffer: clears every open flag of the item, with the note.
export const POST = route({
  access: "session",
  body: markRotatedRequest,
  handler: async ({ session, params, body, request }) => {
    const flag = await requireFlagAccess(session, params.flagId ?? "", "edit");
    if (flag.clearedAt) throw conflict("This flag has already cleared.");
    const cleared = await markItemRotated({
      itemId: flag.itemId,
      actorId: session.userId,
      note: body.note,
    });
    await recordAudit({
      action: "flag.clear",
      actorId: session.userId,
      request,
      vaultId: flag.vaultId,
      targetType: "item",
      targetId: flag.itemId,
      details: { how: "marked", flags: cleared },
    });
    const updated = await findFlag(flag.id);
    if (!updated) throw notFound("No such flag.");
    const [dto] = await flagsToDtos([updated]);
    return dto;
  },
});
