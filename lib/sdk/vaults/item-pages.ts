import {
  checkItemPage,
  ITEM_PAGE_GROWTH,
  ITEM_PAGE_MAX,
  type ItemPageResponse,
} from "@/lib/api/item-page";
import type { ItemDto } from "@/lib/api/vault";
import { SdkError } from "../http-port";

// A vault's items arrive a page at a time (GET /vaults/:id/items). Each item still decrypts
// under its own AD (vault, item, key version, revision), so a page cannot smuggle in a wrong
// item; what paging adds is a server that repeats, loops or drops pages. A repeated item or a
// cursor that does not move on is refused here; a dropped page shows as fewer items than the
// vault's count, which the caller reports (VaultPagesIncomplete). A streamed answer (every page
// in one) is held to the same checks, and must end with the vault's last page.

export type ItemPageFetcher = (after: string | null, limit: number) => Promise<ItemPageResponse>;

/**
 * Every page in one answer (ITEM_STREAM_TYPE), each value one page as the server sent it, not
 * yet checked: `itemPages` checks each as it does a fetched one.
 */
export type ItemPageStream = (firstLimit: number) => AsyncIterable<unknown>;

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
  /**
   * Reads every page in one answer instead of one request each, when the transport can read
   * an answer as it arrives: no page then waits for the reader to ask for it.
   */
  stream?: ItemPageStream;
}

/**
 * Each page after the first holds four times as many items as the one before, up to `limit`:
 * the first rows come from a small page, and a large vault arrives in few pages, each one on
 * the wire while the page before it is decrypted. Every page costs a render (and, fetched, a
 * round trip); a streamed answer is cut the same way.
 */
export const PAGE_GROWTH = ITEM_PAGE_GROWTH;

/** The first page's size: enough rows to fill a screen, few enough to decrypt at once. */
export const FIRST_PAGE_LIMIT = 100;

/**
 * Every page of a vault's items, in the server's order, each checked before it is handed over.
 * Fetched page by page, the next page is requested before the current one is handed over, so
 * the network works while the caller decrypts.
 */
export async function* itemPages(
  fetchPage: ItemPageFetcher,
  { firstLimit = FIRST_PAGE_LIMIT, limit = ITEM_PAGE_MAX, stream }: ItemPagesOptions = {},
): AsyncGenerator<ItemDto[]> {
  const first = Math.min(firstLimit, limit);
  const seen = new Set<string>();
  let last: ItemPageResponse | null = null;
  for await (const page of stream
    ? streamedPages(stream(first))
    : fetchedPages(fetchPage, first, limit)) {
    checkPage(page, seen);
    last = page;
    yield page.items;
  }
  // DO NOT REMOVE: an answer cut short would otherwise pass for the whole vault.
  if (last?.next !== null) {
    throw new ItemPagesError("The server's answer ended before the vault's last item.");
  }
}

function checkPage(page: ItemPageResponse, seen: Set<string>) {
  for (const item of page.items) {
    // DO NOT REMOVE: a server repeating an item (or a whole page) would show it twice.
    if (seen.has(item.id)) throw new ItemPagesError("The server sent an item twice.");
    seen.add(item.id);
  }
  if (!leadsOn(page)) throw new ItemPagesError("The server sent a page that does not lead on.");
}

/** A cursor that is not the page's last item could send the reader round in circles. */
function leadsOn(page: ItemPageResponse): boolean {
  return page.next === null || (page.items.length > 0 && page.items.at(-1)?.id === page.next);
}

async function* fetchedPages(
  fetchPage: ItemPageFetcher,
  firstLimit: number,
  limit: number,
): AsyncGenerator<ItemPageResponse> {
  let size = firstLimit;
  let pending: Promise<ItemPageResponse> | null = fetchPage(null, size);
  while (pending) {
    const page: ItemPageResponse = await pending;
    size = Math.min(size * PAGE_GROWTH, limit);
    // A cursor is followed only when it leads on; itemPages refuses the page that does not.
    pending = page.next !== null && leadsOn(page) ? fetchPage(page.next, size) : null;
    // An unhandled rejection while the caller is busy would surface before the await above.
    pending?.catch(() => {});
    yield page;
  }
}

async function* streamedPages(values: AsyncIterable<unknown>): AsyncGenerator<ItemPageResponse> {
  for await (const value of values) {
    const page = checkItemPage(value);
    if (!page) throw new SdkError("bad_response", "The server sent an unexpected answer.");
    yield page;
    if (page.next === null) return;
  }
}
