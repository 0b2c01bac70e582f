import { route } from "@/lib/server/route";
import { itemEventRequest } from "@/lib/api/vault";
import { findItem } from "@/lib/server/data/items";
import { canReadVault } from "@/lib/server/policies";
import { recordAudit } from "@/lib/server/audit";
import { notFound } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

// Reveals and copies happen in the browser; the client reports them so that offboarding can
// rank what a departing person actually saw.
export const POST = route({
  access: "session",
  body: itemEventRequest,
  handler: async ({ session, params, body, request }) => {
    const vaultId = params.vaultId ?? "";
    const itemId = params.itemId ?? "";
    await canReadVault(session, vaultId);
    if (!(await findItem(vaultId, itemId))) throw notFound("No such item.");
    await recordAudit({
      action: body.action === "reveal" ? "item.reveal" : "item.copy",
      actorId: session.userId,
      request,
      vaultId,
      targetType: "item",
      targetId: itemId,
    });
    return undefined;
  },
});
