"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { filterRows, mergeByTitle, RESULT_LIMIT, type SearchRow } from "@/lib/client/vaults/search";
import type { ItemType } from "@/lib/crypto";
import type { VaultEnvironmentDto } from "@/lib/api/vault";
import { KEYS_CHANGED_MESSAGE, type OpenedVault } from "@/lib/client/vaults/open-vault";
import type { StoredItem } from "@/lib/client/vaults/vault-store";
import { ENVIRONMENT_LABELS, ITEM_TYPE_LABELS, itemSubtitle } from "@/lib/client/vaults/templates";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EnvironmentBadge, RoleBadge } from "./badges";
import { ItemTypeIcon } from "./item-type-icon";
import { NewVaultDialog } from "./new-vault-dialog";
import { SelectField } from "./select-field";
import { useVaultStore, useVaultStoreVersion } from "./use-vault";

type Row = SearchRow & { vault: OpenedVault; item: StoredItem };

export function VaultsView() {
  const router = useRouter();
  const store = useVaultStore();
  const version = useVaultStoreVersion(store);
  const [creating, setCreating] = useState(false);
  const [query, setQuery] = useState("");
  const [vaultFilter, setVaultFilter] = useState("");
  const [typeFilter, setTypeFilter] = useState("");
  const [environmentFilter, setEnvironmentFilter] = useState("");
  const [tagFilter, setTagFilter] = useState("");
  const [active, setActive] = useState(0);

  useEffect(() => {
    // The list is fetched again on every visit (a vault may have been created or shared);
    // each vault's items come from the shared store, fetched again only when stale.
    void store?.ensureList(true).then(() => store.ensureAll());
  }, [store]);

  const { vaults, rows, progress, error } = useMemo(() => {
    void version;
    const list = store?.vaultList() ?? { vaults: null, error: null };
    const collected: Row[][] = [];
    let done = 0;
    let total = 0;
    let vaultError: string | null = null;
    for (const vault of list.vaults ?? []) {
      if (!vault.key) continue;
      total += vault.summary.itemCount;
      const state = store?.vault(vault.summary.id);
      if (!state) continue;
      vaultError ??= state.error;
      done += state.complete ? vault.summary.itemCount : state.items.length;
      collected.push(
        state.items.map((item) => ({
          vault,
          item,
          vaultId: vault.summary.id,
          environment: vault.summary.environment,
          plaintext: item.plaintext,
          text: item.text,
        })),
      );
    }
    return {
      vaults: list.vaults,
      rows: collected.reduce<Row[]>((merged, next) => mergeByTitle(merged, next), []),
      progress: list.vaults && done < total ? { done, total } : null,
      error: list.error ?? vaultError,
    };
  }, [store, version]);

  const tags = useMemo(
    () => [...new Set(rows.flatMap((row) => row.item.plaintext?.tags ?? []))].sort(),
    [rows],
  );

  const results = useMemo(
    () =>
      filterRows(rows, {
        query,
        vaultId: vaultFilter,
        type: typeFilter,
        environment: environmentFilter,
        tag: tagFilter,
      }),
    [rows, query, vaultFilter, typeFilter, environmentFilter, tagFilter],
  );
  const shownResults = results.slice(0, RESULT_LIMIT);

  const activeIndex = Math.min(active, Math.max(shownResults.length - 1, 0));
  const itemHref = (row: Row) => `/vaults/${row.vault.summary.id}/items/${row.item.dto.id}`;

  function onSearchKey(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Escape") {
      setQuery("");
      setActive(0);
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive(Math.min(activeIndex + 1, shownResults.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive(Math.max(activeIndex - 1, 0));
    } else if (event.key === "Enter") {
      const row = results[activeIndex];
      if (row) router.push(itemHref(row));
    }
  }

  const filtersActive = Boolean(
    query || vaultFilter || typeFilter || environmentFilter || tagFilter,
  );
  function clearFilters() {
    setQuery("");
    setVaultFilter("");
    setTypeFilter("");
    setEnvironmentFilter("");
    setTagFilter("");
    setActive(0);
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-stone-900">Vaults</h1>
          <p className="mt-1 text-stone-600">
            Everything here is decrypted in this tab; the server only ever sees ciphertext.
          </p>
        </div>
        <div className="flex gap-2">
          <Link
            href="/vaults/import"
            className="inline-flex items-center rounded-lg bg-white px-4 py-2.5 text-sm font-medium text-stone-900 shadow-xs ring-1 ring-stone-300 ring-inset hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
          >
            Import
          </Link>
          <Button onClick={() => setCreating(true)}>New vault</Button>
        </div>
      </div>

      {error && <Alert>{error}</Alert>}

      {vaults === null && !error && <ListSkeleton />}

      {vaults !== null && vaults.length === 0 && (
        <Card className="text-center">
          <p className="text-lg font-medium text-stone-900">
            No vaults yet — create your first vault
          </p>
          <p className="mt-1 text-sm text-stone-600">
            A vault holds the logins, keys and config a team shares. You can invite people to it
            once it exists.
          </p>
          <div className="mt-4 flex justify-center gap-2">
            <Button onClick={() => setCreating(true)}>New vault</Button>
            <Link
              href="/vaults/import"
              className="inline-flex items-center rounded-lg bg-white px-4 py-2.5 text-sm font-medium text-stone-900 shadow-xs ring-1 ring-stone-300 ring-inset hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
            >
              Import from another tool
            </Link>
          </div>
        </Card>
      )}

      {vaults !== null && vaults.length > 0 && (
        <>
          <ul
            className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3"
            aria-label="Your vaults"
          >
            {vaults.map((vault) => (
              <li key={vault.summary.id}>
                <Link
                  href={`/vaults/${vault.summary.id}`}
                  className="block h-full rounded-2xl border border-stone-200 bg-white px-5 py-4 shadow-sm transition-colors hover:border-stone-400 focus-visible:outline-2 focus-visible:outline-stone-900"
                >
                  <span className="flex items-center justify-between gap-2">
                    <span className="truncate font-medium text-stone-900" title={vault.name}>
                      {vault.name}
                    </span>
                    <EnvironmentBadge environment={vault.summary.environment} />
                  </span>
                  <span className="mt-2 flex flex-wrap items-center gap-2 text-xs text-stone-500">
                    <RoleBadge role={vault.summary.role} />
                    {vault.summary.itemCount} {vault.summary.itemCount === 1 ? "item" : "items"} ·{" "}
                    {vault.summary.memberCount}{" "}
                    {vault.summary.memberCount === 1 ? "member" : "members"}
                  </span>
                  {vault.problem && (
                    <span className="mt-2 block text-xs text-red-700">
                      {vault.problem.kind === "keys-changed"
                        ? KEYS_CHANGED_MESSAGE
                        : "This vault's key failed its integrity check."}
                    </span>
                  )}
                </Link>
              </li>
            ))}
          </ul>

          <Card className="!p-0">
            <div className="space-y-3 border-b border-stone-200 p-4 sm:p-5">
              <div>
                <label htmlFor="vault-search" className="sr-only">
                  Search
                </label>
                <input
                  id="vault-search"
                  type="search"
                  placeholder="Filter these vaults by title, username, URL, tag…"
                  value={query}
                  onChange={(event) => {
                    setQuery(event.target.value);
                    setActive(0);
                  }}
                  onKeyDown={onSearchKey}
                  // Only while the list is on screen: an id that points nowhere is invalid ARIA.
                  aria-controls={shownResults.length > 0 ? "vault-results" : undefined}
                  aria-activedescendant={
                    shownResults[activeIndex] ? `result-${activeIndex}` : undefined
                  }
                  className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-xs placeholder:text-stone-400 focus:border-stone-500 focus:outline-2 focus:outline-stone-500"
                />
              </div>
              <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
                <SelectField
                  label="Filter by vault"
                  hideLabel
                  value={vaultFilter}
                  onChange={setVaultFilter}
                  options={[
                    { value: "", label: "All vaults" },
                    ...vaults.map((vault) => ({ value: vault.summary.id, label: vault.name })),
                  ]}
                />
                <SelectField
                  label="Filter by type"
                  hideLabel
                  value={typeFilter}
                  onChange={setTypeFilter}
                  options={[
                    { value: "", label: "All types" },
                    ...Object.entries(ITEM_TYPE_LABELS).map(([value, label]) => ({ value, label })),
                  ]}
                />
                <SelectField
                  label="Filter by stage"
                  hideLabel
                  value={environmentFilter}
                  onChange={setEnvironmentFilter}
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
                  value={tagFilter}
                  onChange={setTagFilter}
                  options={[
                    { value: "", label: "All tags" },
                    ...tags.map((tag) => ({ value: tag, label: tag })),
                  ]}
                />
              </div>
              {progress && progress.total > 0 && progress.done < progress.total && (
                <p role="status" className="text-xs text-stone-500">
                  Decrypting {progress.done} of {progress.total} items…
                </p>
              )}
            </div>
            {results.length === 0 && filtersActive ? (
              // Esc only clears the search box, so the way out of an empty result that the
              // filters caused has to be on screen.
              <div className="flex flex-wrap items-center gap-3 p-5 text-sm text-stone-500">
                <p>Nothing matches these filters.</p>
                <Button variant="secondary" size="sm" onClick={clearFilters}>
                  Clear search and filters
                </Button>
              </div>
            ) : results.length === 0 ? (
              <p className="p-5 text-sm text-stone-500">
                {progress ? "Decrypting…" : "No items yet. Open a vault to add one."}
              </p>
            ) : (
              <ul
                id="vault-results"
                role="listbox"
                aria-label="Items"
                className="divide-y divide-stone-100"
              >
                {shownResults.map((row, index) => (
                  // The link is the option itself: an option holding a link would nest one
                  // interactive element in another.
                  <li key={`${row.vault.summary.id}:${row.item.dto.id}`} role="none">
                    <Link
                      href={itemHref(row)}
                      id={`result-${index}`}
                      role="option"
                      aria-selected={index === activeIndex}
                      className={`flex items-center gap-3 px-4 py-3 sm:px-5 ${
                        index === activeIndex ? "bg-stone-100" : "hover:bg-stone-50"
                      }`}
                    >
                      <ItemTypeIcon type={(row.item.plaintext?.type ?? "note") as ItemType} />
                      <span className="min-w-0 flex-1">
                        <span className="block truncate font-medium text-stone-900">
                          {row.item.plaintext?.title ||
                            (row.item.error ? "Unreadable item" : "Untitled")}
                        </span>
                        <span className="block truncate text-xs text-stone-600">
                          {row.item.error ??
                            [
                              row.item.plaintext ? itemSubtitle(row.item.plaintext) : "",
                              row.vault.name,
                            ]
                              .filter(Boolean)
                              .join(" · ")}
                        </span>
                      </span>
                      <EnvironmentBadge environment={row.vault.summary.environment} />
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {results.length > shownResults.length && (
              <p className="border-t border-stone-100 px-5 py-3 text-xs text-stone-500">
                Showing {shownResults.length} of {results.length} items. Type to narrow the list.
              </p>
            )}
          </Card>
        </>
      )}

      <NewVaultDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

function ListSkeleton() {
  return (
    <div
      role="status"
      aria-label="Loading vaults"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
    >
      {[0, 1, 2].map((index) => (
        <div
          key={index}
          className="h-20 animate-pulse rounded-2xl border border-stone-200 bg-stone-100"
        />
      ))}
    </div>
  );
}
