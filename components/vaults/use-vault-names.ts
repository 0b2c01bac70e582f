"use client";

import { useEffect, useMemo } from "react";
import { fallbackVaultName } from "@/lib/client/vaults/labels";
import { useVaultStore, useVaultStoreVersion } from "./use-vault";

/** How a vault is named to someone whose keyring cannot read its (encrypted) name. */
export function vaultLabel(vaultId: string, names: ReadonlyMap<string, string> | null): string {
  return names?.get(vaultId) ?? fallbackVaultName(vaultId);
}

const noNames: ReadonlyMap<string, string> = new Map();

/**
 * The names of the vaults this person is a member of, decrypted in this tab, from the shared
 * vault store (opened once for every screen). Names are encrypted under each vault's key, so
 * other vaults — an admin sees them all by id — stay "Vault <id>". Opening a vault goes
 * through the same grant check as the vault pages (a first-seen granter is pinned, a changed
 * key refuses); a vault it refuses keeps its id label. `enabled: false` skips the fetch, for
 * views that turn out to need no names.
 */
export function useVaultNames(enabled = true) {
  const store = useVaultStore();
  const version = useVaultStoreVersion(store);

  useEffect(() => {
    if (store && enabled) void store.ensureList();
  }, [store, enabled]);

  return useMemo(() => {
    void version;
    const list = store?.vaultList();
    // Names are a nicety here: the ids still identify every vault, so a failure shows ids.
    if (list?.error && !list.vaults) return noNames;
    if (!list?.vaults) return null;
    const found = new Map<string, string>();
    for (const opened of list.vaults) if (opened.key) found.set(opened.summary.id, opened.name);
    return found as ReadonlyMap<string, string>;
  }, [store, version]);
}
