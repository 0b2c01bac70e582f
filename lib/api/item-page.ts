import { z } from "zod";
import { itemDto } from "./vault";

/**
 * The most items one page may carry. A page is validated, decrypted and painted on its own, so
 * a client sizes its pages to keep each step short; 2,000 items are about 1.3 MB of JSON.
 */
export const ITEM_PAGE_MAX = 2000;

/**
 * Each page after the first is this many times the one before, up to ITEM_PAGE_MAX: the SDK asks
 * for its pages so, and a streamed answer (ITEM_STREAM_TYPE) is cut so.
 */
export const ITEM_PAGE_GROWTH = 4;

/**
 * `Accept: application/x-ndjson` on an item page asks for every page from `after` to the end in
 * one answer, one page (an `itemPageResponse`) per line, the first of `limit` items: a client
 * reads each page as it arrives while the server writes the next, with no request between them.
 * The last line's `next` is null; an answer that ends before it was cut short.
 */
export const ITEM_STREAM_TYPE = "application/x-ndjson";

/** Keyset paging: `after` is the `next` of the previous page (an item id), absent on the first. */
export const itemPageQuery = z.object({
  after: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(ITEM_PAGE_MAX).default(500),
});
export type ItemPageQuery = z.input<typeof itemPageQuery>;

export const itemPageResponse = z.object({
  items: z.array(itemDto).max(ITEM_PAGE_MAX),
  /** Where the next page starts; null on the last page. */
  next: z.string().nullable(),
});
export type ItemPageResponse = z.infer<typeof itemPageResponse>;

// `itemPageResponse` checked by hand, for the client reading a large vault: zod's generic parse
// of a 2,000-item page, run cold in a fresh page, cost up to 30 ms of the main thread per page.
// The rules are the schema's (test/unit/api/item-page-check.test.ts holds them together). Like
// zod's object, it lets keys it does not know pass, but leaves them in place rather than copying
// every item to drop them: nothing reads them.
const ENVELOPE = /^v1\.[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]+$/;
const ENVELOPE_MAX = 65536;

const isPositiveInteger = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value > 0;

function isItem(value: unknown): value is ItemPageResponse["items"][number] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.id === "string" &&
    isPositiveInteger(item.keyVersion) &&
    isPositiveInteger(item.revision) &&
    typeof item.ciphertext === "string" &&
    item.ciphertext.length <= ENVELOPE_MAX &&
    ENVELOPE.test(item.ciphertext) &&
    typeof item.createdAt === "string" &&
    typeof item.updatedAt === "string"
  );
}

/** The page when `value` is one `itemPageResponse` accepts, otherwise null. */
export function checkItemPage(value: unknown): ItemPageResponse | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const page = value as Record<string, unknown>;
  if (!(typeof page.next === "string" || page.next === null)) return null;
  const items = page.items;
  if (!Array.isArray(items) || items.length > ITEM_PAGE_MAX) return null;
  for (const item of items) if (!isItem(item)) return null;
  return { items, next: page.next };
}

/**
 * `items=none` leaves the items out of a vault's detail: a client that pages them (the vault
 * screens) takes only the vault, its members and its item count from it.
 */
export const vaultDetailQuery = z.object({
  items: z.enum(["all", "none"]).default("all"),
});
