import Link from "next/link";
import type { ItemType } from "@/lib/crypto";
import { itemSubtitle } from "@/lib/client/vaults/templates";
import { Button } from "@/components/ui/button";
import { EnvironmentBadge } from "./badges";
import { ItemTypeIcon } from "./item-type-icon";
import type { VaultSearch } from "./use-vault-search";
import { itemHref, type VaultRow } from "./use-vaults-overview";

/** The items that match, as a listbox the search box steers, or why there are none. */
export function VaultSearchResults({
  search,
  decrypting,
}: {
  search: VaultSearch;
  decrypting: boolean;
}) {
  const { results, shownResults, activeIndex } = search;
  if (results.length === 0 && search.filtersActive) {
    return (
      // Esc only clears the search box, so the way out of an empty result that the filters
      // caused has to be on screen.
      <div className="flex flex-wrap items-center gap-3 p-5 text-sm text-stone-500">
        <p>Nothing matches these filters.</p>
        <Button variant="secondary" size="sm" onClick={search.clearFilters}>
          Clear search and filters
        </Button>
      </div>
    );
  }
  if (results.length === 0) {
    return (
      <p className="p-5 text-sm text-stone-500">
        {decrypting ? "Decrypting…" : "No items yet. Open a vault to add one."}
      </p>
    );
  }
  return (
    <ul id="vault-results" role="listbox" aria-label="Items" className="divide-y divide-stone-100">
      {shownResults.map((row, index) => (
        // The link is the option itself: an option holding a link would nest one interactive
        // element in another.
        <li key={`${row.vault.summary.id}:${row.item.dto.id}`} role="none">
          <ResultOption row={row} index={index} active={index === activeIndex} />
        </li>
      ))}
    </ul>
  );
}

function ResultOption({ row, index, active }: { row: VaultRow; index: number; active: boolean }) {
  const { item, vault } = row;
  return (
    <Link
      href={itemHref(row)}
      id={`result-${index}`}
      role="option"
      aria-selected={active}
      className={`flex items-center gap-3 px-4 py-3 sm:px-5 ${
        active ? "bg-stone-100" : "hover:bg-stone-50"
      }`}
    >
      <ItemTypeIcon type={(item.plaintext?.type ?? "note") as ItemType} />
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium text-stone-900">
          {item.plaintext?.title || (item.error ? "Unreadable item" : "Untitled")}
        </span>
        <span className="block truncate text-xs text-stone-600">
          {item.error ??
            [item.plaintext ? itemSubtitle(item.plaintext) : "", vault.name]
              .filter(Boolean)
              .join(" · ")}
        </span>
      </span>
      <EnvironmentBadge environment={vault.summary.environment} />
    </Link>
  );
}
