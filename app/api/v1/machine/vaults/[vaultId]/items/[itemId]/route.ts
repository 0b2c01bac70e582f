import { route } from "@/lib/server/route";
import { updateItemRequest } from "@/lib/api/vault";
import { updateItem } from "@/lib/server/data/items";
import { requireMachineWrite } from "@/lib/server/machines/access";
import { itemToDto } from "@/lib/server/dto";
import { recordAudit } from "@/lib/server/audit";
import { notFound } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

/**
 * A read-write machine saves a new revision like a member: same body, same stale-write and
 * old-key-version refusals, and a new secret value clears the item's rotation flags.
 */
export const PUT = route({
  access: "machine",
  tokenKinds: ["sa"],
  body: updateItemRequest,
  handler: async ({ machine, params, body, request }) => {
    const vaultId = params.vaultId ?? "";
    const itemId = params.itemId ?? "";
    await requireMachineWrite(machine, vaultId);
    const item = await updateItem({
      vaultId,
      itemId,
      keyVersion: body.keyVersion,
      baseRevision: body.baseRevision,
      ciphertext: body.ciphertext,
      authorId: machine.serviceAccountId,
      secretsChanged: body.changedSecretFields > 0,
    });
    if (!item) throw notFound("No such item.");
    await recordAudit({
      action: "item.update",
      actorId: machine.serviceAccountId,
      actorKind: "machine",
      request,
      vaultId,
      targetType: "item",
      targetId: itemId,
      details: { revision: item.revision, changedSecretFields: body.changedSecretFields },
    });
    return itemToDto(item);
  },
});
