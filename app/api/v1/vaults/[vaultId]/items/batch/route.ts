import { route } from "@/lib/server/route";
import { itemBatchRequest } from "@/lib/api/item-batch";
import { createItemBatch } from "@/lib/server/data/item-batches";
import { canEditVault } from "@/lib/server/policies";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const POST = route({
  access: "session",
  body: itemBatchRequest,
  status: 201,
  handler: async ({ session, params, body, request }) => {
    const vaultId = params.vaultId ?? "";
    await canEditVault(session, vaultId);
    const items = await createItemBatch({
      vaultId,
      keyVersion: body.keyVersion,
      authorId: session.userId,
      items: body.items,
    });
    // One event for the whole batch, with counts: an import of thousands of items must not
    // append thousands of links to the audit chain (that is what made single creates slow).
    const withHistory = body.items.filter((item) => item.history.length > 0);
    await recordAudit({
      action: "item.batch_create",
      actorId: session.userId,
      request,
      vaultId,
      targetType: "vault",
      targetId: vaultId,
      details: {
        items: items.length,
        withHistory: withHistory.length,
        revisions: items.length + withHistory.reduce((sum, item) => sum + item.history.length, 0),
        keyVersion: body.keyVersion,
      },
    });
    return { items };
  },
});
