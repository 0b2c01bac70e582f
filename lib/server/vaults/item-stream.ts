import "server-only";
import { ITEM_PAGE_GROWTH, ITEM_PAGE_MAX, ITEM_STREAM_TYPE } from "@/lib/api/item-page";
import { itemPageText, listItemPageJson } from "../data/items";

/**
 * Every page of a vault's items from just after `after`, one JSON page per line, the first of
 * `limit` items and each later one ITEM_PAGE_GROWTH times the one before (up to ITEM_PAGE_MAX):
 * the pages a reader would have asked for one by one, with no request between them. A page is
 * read when the one before it has been handed to the socket, so a slow reader holds the server
 * back rather than filling its memory. Each page's statement checks membership itself: a member
 * removed half way gets no more pages, and the answer breaks off before its last line.
 * Null when `userId` may not read the vault, before anything is sent.
 */
export async function itemPageStream(
  vaultId: string,
  userId: string,
  after: string | undefined,
  limit: number,
): Promise<Response | null> {
  const first = await listItemPageJson(vaultId, userId, after, limit);
  if (!first) return null;
  const encoder = new TextEncoder();
  const line = (page: { itemsJson: string; next: string | null }) =>
    encoder.encode(`${itemPageText(page)}\n`);
  let size = limit;
  let next = first.next;
  let firstLine: Uint8Array | null = line(first);
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (firstLine) {
          controller.enqueue(firstLine);
          firstLine = null;
        } else {
          size = Math.min(size * ITEM_PAGE_GROWTH, ITEM_PAGE_MAX);
          const page = await listItemPageJson(vaultId, userId, next ?? undefined, size);
          if (!page) return controller.error(new Error("The vault can no longer be read."));
          next = page.next;
          controller.enqueue(line(page));
        }
        if (next === null) controller.close();
      },
    },
    // Nothing read ahead: the next page is read when the one before has been taken.
    { highWaterMark: 0 },
  );
  return new Response(body, {
    headers: {
      "Content-Type": ITEM_STREAM_TYPE,
      "Cache-Control": "no-store",
      // nginx would otherwise collect the whole answer before passing any of it on.
      "X-Accel-Buffering": "no",
    },
  });
}
