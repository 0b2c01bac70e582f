"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, type KeyboardEvent } from "react";
import { filterRows, RESULT_LIMIT } from "@/lib/client/vaults/search";
import { itemHref, type VaultRow } from "./use-vaults-overview";

/** The Vaults page's own box and filters over its rows, and the keyboard within the results. */
export function useVaultSearch(rows: VaultRow[]) {
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [vaultFilter, setVaultFilter] = useState("");
  const [typeFilter, setTypeFilter] = useState("");
  const [environmentFilter, setEnvironmentFilter] = useState("");
  const [tagFilter, setTagFilter] = useState("");
  const [active, setActive] = useState(0);

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

  function onSearchKey(event: KeyboardEvent<HTMLInputElement>) {
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

  return {
    query,
    setQuery: (next: string) => {
      setQuery(next);
      setActive(0);
    },
    onSearchKey,
    filters: {
      vault: vaultFilter,
      type: typeFilter,
      environment: environmentFilter,
      tag: tagFilter,
    },
    setVaultFilter,
    setTypeFilter,
    setEnvironmentFilter,
    setTagFilter,
    tags,
    results,
    shownResults,
    activeIndex,
    filtersActive: Boolean(query || vaultFilter || typeFilter || environmentFilter || tagFilter),
    clearFilters: () => {
      setQuery("");
      setVaultFilter("");
      setTypeFilter("");
      setEnvironmentFilter("");
      setTagFilter("");
      setActive(0);
    },
  };
}

export type VaultSearch = ReturnType<typeof useVaultSearch>;
