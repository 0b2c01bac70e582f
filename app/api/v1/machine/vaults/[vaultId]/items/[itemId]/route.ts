import { route } from "@/lib/server/route";
import { updateItemRequest } from "@/lib/api/vault";
import { requireMachineWrite } from "@/lib/server/machines/access";
import { saveItemRevision } from "@/lib/server/vaults/save-item";

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
    return saveItemRevision({
      vaultId,
      itemId,
      body,
      actor: { id: machine.serviceAccountId, kind: "machine", tokenId: machine.tokenId },
      request,
    });
  },
});
