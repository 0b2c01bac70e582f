"use client";

import { useEffect, useState } from "react";
import { fallbackVaultName, openOwnVaults } from "@/lib/client/vaults/labels";
import { useKeyring } from "@/components/keyring-provider";

/** How a vault is named to someone whose keyring cannot read its (encrypted) name. */
export function vaultLabel(vaultId: string, names: ReadonlyMap<string, string> | null): string {
  return names?.get(vaultId) ?? fallbackVaultName(vaultId);
}

const noNames: ReadonlyMap<string, string> = new Map();

/**
 * The names of the vaults this person is a member of, decrypted in this tab. Names are
 * encrypted under each vault's key, so other vaults — an admin sees them all by id — stay
 * "Vault <id>". Opening a vault goes through the same grant check as the vault pages (a
 * first-seen granter is pinned, a changed key refuses); a vault it refuses keeps its id label.
 * `enabled: false` skips the fetch, for views that turn out to need no names.
 */
export function useVaultNames(enabled = true) {
  const keyring = useKeyring();
  const [names, setNames] = useState<ReadonlyMap<string, string> | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!keyring || !enabled) return;
    let current = true;
    (async () => {
      const found = new Map<string, string>();
      for (const [vaultId, opened] of await openOwnVaults(keyring)) {
        if (opened.key) found.set(vaultId, opened.name);
      }
      if (current) setNames(found);
    })().catch(() => {
      // Names are a nicety here: the ids still identify every vault.
      if (current) setFailed(true);
    });
    return () => {
      current = false;
    };
  }, [keyring, enabled]);

  /** Null while loading; an empty map once loading failed. */
  return failed ? noNames : names;
}
