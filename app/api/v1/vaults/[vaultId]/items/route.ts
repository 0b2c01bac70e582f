import { route } from "@/lib/server/route";
import { createItemRequest } from "@/lib/api/vault";
import { createItem } from "@/lib/server/data/items";
import { canEditVault } from "@/lib/server/policies";
import { itemToDto } from "@/lib/server/dto";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const POST = route({
  access: "session",
  body: createItemRequest,
  status: 201,
  handler: async ({ session, params, body, request }) => {
    const vaultId = params.vaultId ?? "";
    await canEditVault(session, vaultId);
    const item = await createItem({
      vaultId,
      itemId: body.id,
      keyVersion: body.keyVersion,
      ciphertext: body.ciphertext,
      authorId: session.userId,
    });
    await recordAudit({
      action: "item.create",
      actorId: session.userId,
      request,
      vaultId,
      targetType: "item",
      targetId: body.id,
    });
    return itemToDto(item);
  },
});
