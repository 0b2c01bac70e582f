import { route } from "@/lib/server/route";
import { createItemRequest } from "@/lib/api/vault";
import { ITEM_STREAM_TYPE, itemPageQuery } from "@/lib/api/item-page";
import { createItem, itemPageText, listItemPageJson } from "@/lib/server/data/items";
import { canEditVault } from "@/lib/server/policies";
import { notFound } from "@/lib/server/errors";
import { itemToDto } from "@/lib/server/dto";
import { recordAudit } from "@/lib/server/audit";
import { itemPageStream } from "@/lib/server/vaults/item-stream";

export const dynamic = "force-dynamic";

const acceptsItemStream = (request: Request) =>
  (request.headers.get("accept") ?? "").toLowerCase().includes(ITEM_STREAM_TYPE);

/**
 * A vault's items a page at a time, so a large vault is validated and decrypted in steps; with
 * `Accept: application/x-ndjson`, every page to the end in one answer, a line each.
 */
export const GET = route({
  access: "session",
  query: itemPageQuery,
  handler: async ({ session, params, query, request }) => {
    const vaultId = params.vaultId ?? "";
    // canReadVault's rule (any member; anyone else gets the 404 an unknown vault gets) is the
    // page statement's own: one statement after the session.
    if (acceptsItemStream(request)) {
      const stream = await itemPageStream(vaultId, session.userId, query.after, query.limit);
      if (!stream) throw notFound("No such vault.");
      return stream;
    }
    const page = await listItemPageJson(vaultId, session.userId, query.after, query.limit);
    if (!page) throw notFound("No such vault.");
    // The database wrote the items' JSON; it goes out as it came, not parsed and written again.
    return new Response(itemPageText(page), {
      headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
    });
  },
});

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
