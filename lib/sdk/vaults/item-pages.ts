import { ITEM_PAGE_MAX, type ItemPageResponse } from "@/lib/api/item-page";
import type { ItemDto } from "@/lib/api/vault";

// A vault's items arrive a page at a time (GET /vaults/:id/items). Each item still decrypts
// under its own AD (vault, item, key version, revision), so a page cannot smuggle in a wrong
// item; what paging adds is a server that repeats, loops or drops pages. A repeated item or a
// cursor that does not move on is refused here; a dropped page shows as fewer items than the
// vault's count, which the caller reports (VaultPagesIncomplete).

export type ItemPageFetcher = (after: string | null, limit: number) => Promise<ItemPageResponse>;

export class ItemPagesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ItemPagesError";
  }
}

export interface ItemPagesOptions {
  /** A small first page paints the first rows sooner. */
  firstLimit?: number;
  /** The largest page asked for (the server allows up to ITEM_PAGE_MAX). */
  limit?: number;
}

/**
 * Each page after the first asks for four times as many items as the one before, up to `limit`:
 * the first rows come from a small page, and a large vault arrives in few requests, each one
 * fetched while the page before it is decrypted. Every request costs a round trip and a render.
 */
export const PAGE_GROWTH = 4;

/** The first page's size: enough rows to fill a screen, few enough to decrypt at once. */
export const FIRST_PAGE_LIMIT = 100;

/**
 * Every page of a vault's items, in the server's order. The next page is requested before the
 * current one is handed over, so the network works while the caller decrypts.
 */
export async function* itemPages(
  fetchPage: ItemPageFetcher,
  { firstLimit = FIRST_PAGE_LIMIT, limit = ITEM_PAGE_MAX }: ItemPagesOptions = {},
): AsyncGenerator<ItemDto[]> {
  const seen = new Set<string>();
  let size = Math.min(firstLimit, limit);
  let pending: Promise<ItemPageResponse> | null = fetchPage(null, size);
  while (pending) {
    const page: ItemPageResponse = await pending;
    for (const item of page.items) {
      // DO NOT REMOVE: a server repeating an item (or a whole page) would show it twice.
      if (seen.has(item.id)) throw new ItemPagesError("The server sent an item twice.");
      seen.add(item.id);
    }
    if (page.next !== null && (page.items.length === 0 || page.items.at(-1)?.id !== page.next)) {
      // A cursor that is not this page's last item could send the reader round in circles.
      throw new ItemPagesError("The server sent a page that does not lead on.");
    }
    size = Math.min(size * PAGE_GROWTH, limit);
    pending = page.next === null ? null : fetchPage(page.next, size);
    // An unhandled rejection while the caller is busy would surface before the await above.
    pending?.catch(() => {});
    yield page.items;
  }
}
