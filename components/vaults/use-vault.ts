"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { VaultDetailResponse } from "@/lib/api/vault";
import { errorMessage } from "@/lib/client/api";
import {
  decryptItems,
  memberTrust,
  openVault,
  type DecryptedItem,
  type MemberTrust,
  type OpenedVault,
} from "@/lib/client/vaults/open-vault";
import { vaultApi } from "@/lib/client/vaults/vault-api";
import { loadContacts } from "@/lib/client/vaults/contacts";
import { useKeyring } from "@/components/keyring-provider";

export type LoadedVault = {
  detail: VaultDetailResponse;
  opened: OpenedVault;
  items: DecryptedItem[];
  trust: Map<string, MemberTrust>;
};

/** One vault, fetched, its key accepted (or refused) and every item decrypted in this tab. */
export function useVault(vaultId: string) {
  const keyring = useKeyring();
  const [vault, setVault] = useState<LoadedVault | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const loadStarted = useRef(0);

  const reload = useCallback(async () => {
    if (!keyring) return;
    loadStarted.current = performance.now();
    try {
      // The contacts (for the grant check) download alongside the vault itself.
      const [detail] = await Promise.all([vaultApi.detail(vaultId), loadContacts(keyring)]);
      performance.measure("coffer:vault-fetch", {
        start: loadStarted.current,
        end: performance.now(),
      });
      const opened = await openVault(keyring, detail.vault);
      const items = opened.key
        ? await decryptItems(keyring, vaultId, opened.key, detail.items, (done, total) =>
            setProgress(total > 200 ? { done, total } : null),
          )
        : [];
      const trust = await memberTrust(keyring, detail.members);
      setVault({ detail, opened, items, trust });
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setProgress(null);
    }
  }, [keyring, vaultId]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!vault) return;
    // The frame after the commit: the list has been painted.
    const frame = requestAnimationFrame(() =>
      performance.measure("coffer:vault-open", {
        start: loadStarted.current,
        end: performance.now(),
      }),
    );
    return () => cancelAnimationFrame(frame);
  }, [vault]);

  return { vault, error, progress, reload };
}
