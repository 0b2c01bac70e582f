import { route } from "@/lib/server/route";
import { updateItemRequest } from "@/lib/api/vault";
import { deleteItem, updateItem } from "@/lib/server/data/items";
import { canEditVault } from "@/lib/server/policies";
import { itemToDto } from "@/lib/server/dto";
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
    const item = await updateItem({
      vaultId,
      itemId,
      keyVersion: body.keyVersion,
      baseRevision: body.baseRevision,
      ciphertext: body.ciphertext,
      authorId: session.userId,
      secretsChanged: body.changedSecretFields > 0,
    });
    if (!item) throw notFound("No such item.");
    await recordAudit({
      action: "item.update",
      actorId: session.userId,
      request,
      vaultId,
      targetType: "item",
      targetId: itemId,
      details: { revision: item.revision, changedSecretFields: body.changedSecretFields },
    });
    if (item.flagsCleared > 0) {
      await recordAudit({
        action: "flag.clear",
        actorId: session.userId,
        request,
        vaultId,
        targetType: "item",
        targetId: itemId,
        details: { how: "new_value", flags: item.flagsCleared },
      });
    }
    return itemToDto(item);
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
