import { z } from "zod";
import { itemDto } from "./vault";

/**
 * The most items one page may carry. A page is validated, decrypted and painted on its own, so
 * a client sizes its pages to keep each step short; 2,000 items are about 1.3 MB of JSON.
 */
export const ITEM_PAGE_MAX = 2000;

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

/**
 * `items=none` leaves the items out of a vault's detail: a client that pages them (the vault
 * screens) takes only the vault, its members and its item count from it.
 */
export const vaultDetailQuery = z.object({
  items: z.enum(["all", "none"]).default("all"),
});
