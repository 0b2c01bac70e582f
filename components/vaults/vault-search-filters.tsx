import type { VaultEnvironmentDto } from "@/lib/api/vault";
import type { OpenedVault } from "@/lib/client/vaults/open-vault";
import { ENVIRONMENT_LABELS, ITEM_TYPE_LABELS } from "@/lib/client/vaults/templates";
import { SelectField } from "./select-field";
import type { VaultSearch } from "./use-vault-search";

/** The search box and the four filters above the Vaults page's items. */
export function VaultSearchFilters({
  search,
  vaults,
}: {
  search: VaultSearch;
  vaults: OpenedVault[];
}) {
  const { shownResults, activeIndex, filters } = search;
  return (
    <>
      <div>
        <label htmlFor="vault-search" className="sr-only">
          Search
        </label>
        <input
          id="vault-search"
          type="search"
          placeholder="Filter these vaults by title, username, URL, tag…"
          value={search.query}
          onChange={(event) => search.setQuery(event.target.value)}
          onKeyDown={search.onSearchKey}
          // Only while the list is on screen: an id that points nowhere is invalid ARIA.
          aria-controls={shownResults.length > 0 ? "vault-results" : undefined}
          aria-activedescendant={shownResults[activeIndex] ? `result-${activeIndex}` : undefined}
          className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-xs placeholder:text-stone-400 focus:border-stone-500 focus:outline-2 focus:outline-stone-500"
        />
      </div>
      <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
        <SelectField
          label="Filter by vault"
          hideLabel
          value={filters.vault}
          onChange={search.setVaultFilter}
          options={[
            { value: "", label: "All vaults" },
            ...vaults.map((vault) => ({ value: vault.summary.id, label: vault.name })),
          ]}
        />
        <SelectField
          label="Filter by type"
          hideLabel
          value={filters.type}
          onChange={search.setTypeFilter}
          options={[
            { value: "", label: "All types" },
            ...Object.entries(ITEM_TYPE_LABELS).map(([value, label]) => ({ value, label })),
          ]}
        />
        <SelectField
          label="Filter by stage"
          hideLabel
          value={filters.environment}
          onChange={search.setEnvironmentFilter}
          options={[
            { value: "", label: "All environments" },
            ...(Object.keys(ENVIRONMENT_LABELS) as VaultEnvironmentDto[]).map((value) => ({
              value,
              label: ENVIRONMENT_LABELS[value],
            })),
          ]}
        />
        <SelectField
          label="Filter by tag"
          hideLabel
          value={filters.tag}
          onChange={search.setTagFilter}
          options={[
            { value: "", label: "All tags" },
            ...search.tags.map((tag) => ({ value: tag, label: tag })),
          ]}
        />
      </div>
    </>
  );
}
