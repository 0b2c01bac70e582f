import type { ItemPlaintext } from "@/lib/crypto";

export interface SearchFilters {
  query: string;
  vaultId: string;
  type: string;
  environment: string;
  tag: string;
}

export interface SearchRow {
  vaultId: string;
  environment: string | null;
  plaintext: ItemPlaintext | null;
  /** Lower-cased searchable text, computed once when the item is decrypted. */
  text: string;
}

/** How many results a list renders at once: more would cost a keystroke's budget to paint. */
export const RESULT_LIMIT = 200;

const titleCollator = new Intl.Collator(undefined, { sensitivity: "base" });
const byTitle = (
  a: { plaintext: { title: string } | null },
  b: { plaintext: { title: string } | null },
) => titleCollator.compare(a.plaintext?.title ?? "", b.plaintext?.title ?? "");

/** Rows in title order, sorted once per load so that each keystroke only filters. */
export function sortByTitle<Row extends SearchRow>(rows: Row[]): Row[] {
  return [...rows].sort(byTitle);
}

/**
 * `sorted` (already in title order) with `added` merged in: a page of a large vault joins the
 * list in one pass instead of re-sorting everything received so far.
 */
export function mergeByTitle<Item extends { plaintext: { title: string } | null }>(
  sorted: Item[],
  added: Item[],
): Item[] {
  const incoming = [...added].sort(byTitle);
  const merged: Item[] = new Array<Item>(sorted.length + incoming.length);
  let left = 0;
  let right = 0;
  let out = 0;
  while (left < sorted.length && right < incoming.length) {
    // Ties keep the earlier list first, so a refresh does not shuffle equal titles.
    merged[out++] =
      byTitle(sorted[left]!, incoming[right]!) <= 0 ? sorted[left++]! : incoming[right++]!;
  }
  while (left < sorted.length) merged[out++] = sorted[left++]!;
  while (right < incoming.length) merged[out++] = incoming[right++]!;
  return merged;
}

/**
 * The rows matching every filter and every word of the query (in any order), keeping the
 * input order. Runs on each keystroke over every decrypted item, so it does no allocation per
 * row beyond the result.
 */
export function filterRows<Row extends SearchRow>(rows: Row[], filters: SearchFilters): Row[] {
  const words = filters.query.toLowerCase().split(/\s+/).filter(Boolean);
  const started = performance.now();
  const matches = rows.filter((row) => {
    if (filters.vaultId && row.vaultId !== filters.vaultId) return false;
    if (filters.environment && row.environment !== filters.environment) return false;
    if (filters.type && row.plaintext?.type !== filters.type) return false;
    if (filters.tag && !row.plaintext?.tags.includes(filters.tag)) return false;
    for (const word of words) if (!row.text.includes(word)) return false;
    return true;
  });
  // Read by the search benchmark.
  performance.measure("coffer:search", { start: started, end: performance.now() });
  return matches;
}
