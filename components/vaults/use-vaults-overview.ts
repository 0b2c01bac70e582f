"use client";

import { useEffect, useMemo } from "react";
import { mergeByTitle, type SearchRow } from "@/lib/client/vaults/search";
import type { OpenedVault } from "@/lib/client/vaults/open-vault";
import type { StoredItem } from "@/lib/client/vaults/vault-store";
import { useVaultStore, useVaultStoreVersion } from "./use-vault";

export type VaultRow = SearchRow & { vault: OpenedVault; item: StoredItem };

export const itemHref = (row: VaultRow) =>
  `/vaults/${row.vault.summary.id}/items/${row.item.dto.id}`;

/**
 * Every vault this person can see and the items of those they can open, from the shared store,
 * merged in title order across vaults as their pages decrypt.
 */
export function useVaultsOverview() {
  const store = useVaultStore();
  const version = useVaultStoreVersion(store);

  useEffect(() => {
    // The list is fetched again on every visit (a vault may have been created or shared);
    // each vault's items come from the shared store, fetched again only when stale.
    void store?.ensureList(true).then(() => store.ensureAll());
  }, [store]);

  return useMemo(() => {
    void version;
    const list = store?.vaultList() ?? { vaults: null, error: null };
    const collected: VaultRow[][] = [];
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
      rows: collected.reduce<VaultRow[]>((merged, next) => mergeByTitle(merged, next), []),
      progress: list.vaults && done < total ? { done, total } : null,
      error: list.error ?? vaultError,
    };
  }, [store, version]);
}
