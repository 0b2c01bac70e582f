import { route } from "@/lib/server/route";
import { updateItemRequest } from "@/lib/api/vault";
import { deleteItem } from "@/lib/server/data/items";
import { saveItemRevision } from "@/lib/server/vaults/save-item";
import { canEditVault } from "@/lib/server/policies";
import { recordAudit } from "@/lib/server/audit";
import { notFound } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

export const PUT = route({
  access: "session",
  body: updateItemRequest,
  handler: async ({ session, params, body, request }) => {
    const vaultId = params.vaultId ?? "";
    const itemId = params.itemId ?? "";
    await canEditVault(session, vaultId);
    return saveItemRevision({
      vaultId,
      itemId,
      body,
      actor: { id: session.userId },
      request,
    });
  },
});

export const DELETE = route({
  access: "session",
  handler: async ({ session, params, request }) => {
    const vaultId = params.vaultId ?? "";
    const itemId = params.itemId ?? "";
    await canEditVault(session, vaultId);
    if (!(await deleteItem(vaultId, itemId))) throw notFound("No such item.");
    await recordAudit({
      action: "item.delete",
      actorId: session.userId,
      request,
      vaultId,
      targetType: "item",
      targetId: itemId,
    });
    return undefined;
  },
});
