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

/** Rows in title order, sorted once per load so that each keystroke only filters. */
export function sortByTitle<Row extends SearchRow>(rows: Row[]): Row[] {
  const collator = new Intl.Collator(undefined, { sensitivity: "base" });
  return [...rows].sort((a, b) =>
    collator.compare(a.plaintext?.title ?? "", b.plaintext?.title ?? ""),
  );
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
