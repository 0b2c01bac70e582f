"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import type { MemberDto, VaultRoleDto } from "@/lib/api/vault";
import type { OpenedVault } from "@/lib/client/vaults/open-vault";
import {
  fallbackItemTitle,
  fallbackVaultName,
  openOwnVaults,
  vaultContents,
} from "@/lib/client/vaults/labels";
import { useKeyring } from "@/components/keyring-provider";

export interface VaultLabels {
  vaultName: (vaultId: string) => string;
  itemTitle: (itemId: string) => string;
  /** The viewer's role in the vault, or null when they are not a member. */
  roleOf: (vaultId: string) => VaultRoleDto | null;
  /** Members of a vault the viewer could open, or null when unknown here. */
  membersOf: (vaultId: string) => MemberDto[] | null;
  /** True while names are still being decrypted. */
  loading: boolean;
  reload: () => void;
}

/**
 * Names for vaults and items wherever this device can decrypt them: the viewer's own vaults
 * at once, then the items of the vaults in `vaultIds` one vault at a time. Best effort: a
 * vault that cannot be opened keeps its short-id label.
 */
export function useVaultLabels(vaultIds: string[]): VaultLabels {
  const keyring = useKeyring();
  const wanted = useMemo(() => [...new Set(vaultIds)].sort().join(","), [vaultIds]);
  const [vaults, setVaults] = useState<Map<string, OpenedVault>>(new Map());
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const [members, setMembers] = useState<Map<string, MemberDto[]>>(new Map());
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  // Not a useResource: names arrive vault by vault, and a failure only leaves short ids.
  useEffect(() => {
    if (!keyring) return;
    let current = true;
    const run = async () => {
      try {
        const opened = await openOwnVaults(keyring);
        if (!current) return;
        setVaults(opened);
        for (const vaultId of wanted ? wanted.split(",") : []) {
          const vault = opened.get(vaultId);
          if (!vault?.key) continue;
          const contents = await vaultContents(keyring, vault);
          if (!current) return;
          setTitles((previous) => new Map([...previous, ...contents.titles]));
          setMembers((previous) => new Map(previous).set(vaultId, contents.members));
        }
      } catch {
        // Labels are a convenience: the short ids still identify everything.
      } finally {
        if (current) setLoading(false);
      }
    };
    void run();
    return () => {
      current = false;
    };
  }, [keyring, wanted, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  return useMemo(
    () => ({
      vaultName: (vaultId: string) => {
        const vault = vaults.get(vaultId);
        return vault?.key ? vault.name : fallbackVaultName(vaultId);
      },
      itemTitle: (itemId: string) => titles.get(itemId) || fallbackItemTitle(itemId),
      roleOf: (vaultId: string) => vaults.get(vaultId)?.summary.role ?? null,
      membersOf: (vaultId: string) => members.get(vaultId) ?? null,
      loading,
      reload,
    }),
    [vaults, titles, members, loading, reload],
  );
}
