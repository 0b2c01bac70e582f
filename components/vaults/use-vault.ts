"use client";

import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import type { VaultDetailResponse } from "@/lib/api/vault";
import type { MemberTrust, OpenedVault } from "@/lib/client/vaults/open-vault";
import type { StoredItem, VaultState, VaultStore } from "@/lib/client/vaults/vault-store";
import { vaultStore } from "@/lib/client/vaults/vault-store-instance";
import { useKeyring } from "@/components/keyring-provider";

export type LoadedVault = {
  detail: VaultDetailResponse;
  opened: OpenedVault;
  /** In title order; while `complete` is false, only the pages decrypted so far. */
  items: StoredItem[];
  trust: Map<string, MemberTrust>;
  complete: boolean;
  /** Items the vault counts that the server's pages did not bring. */
  missing: number;
};

const noSubscription = () => () => {};

/** This tab's vault store, or null while Coffer is locked. */
export function useVaultStore(): VaultStore | null {
  const keyring = useKeyring();
  return keyring ? vaultStore(keyring) : null;
}

/** Re-renders on every change in the store; the value is the store's version. */
export function useVaultStoreVersion(store: VaultStore | null): number {
  return useSyncExternalStore(
    store?.subscribe ?? noSubscription,
    () => store?.getVersion() ?? 0,
    () => 0,
  );
}

/**
 * One vault from the shared store: its key accepted (or refused) and its items decrypted in
 * this tab, once for every screen that shows it. By default the vault appears when every item
 * is in (an item page looks its item up); `partial` shows the first pages as they decrypt.
 */
export function useVault(vaultId: string, { partial = false }: { partial?: boolean } = {}) {
  const store = useVaultStore();
  const state = useSyncExternalStore<VaultState | null>(
    store?.subscribe ?? noSubscription,
    () => store?.vault(vaultId) ?? null,
    () => null,
  );
  const loadStarted = useRef(0);

  useEffect(() => {
    if (!store) return;
    loadStarted.current = performance.now();
    void store.ensureVault(vaultId);
  }, [store, vaultId]);

  const reload = useCallback(async () => {
    await store?.refreshVault(vaultId);
  }, [store, vaultId]);

  const vault = useMemo<LoadedVault | null>(() => {
    if (!state?.detail || !state.opened || (!partial && !state.complete)) return null;
    return {
      detail: state.detail,
      opened: state.opened,
      items: state.items,
      trust: state.trust,
      complete: state.complete,
      missing: state.missing,
    };
  }, [state, partial]);

  const firstRows = Boolean(vault && (vault.items.length > 0 || vault.complete));
  const complete = Boolean(vault?.complete);
  // The frame after the commit: the rows have been painted. Read by the vault benchmark.
  usePaintMeasure("coffer:vault-first-rows", firstRows, loadStarted);
  usePaintMeasure("coffer:vault-open", complete, loadStarted);

  const progress =
    state && !state.complete && state.total > 0
      ? { done: state.items.length, total: state.total }
      : null;
  return { vault, error: state?.error ?? null, progress, reload };
}

function usePaintMeasure(name: string, reached: boolean, started: { current: number }) {
  useEffect(() => {
    if (!reached) return;
    const frame = requestAnimationFrame(() =>
      performance.measure(name, { start: started.current, end: performance.now() }),
    );
    return () => cancelAnimationFrame(frame);
  }, [name, reached, started]);
}
