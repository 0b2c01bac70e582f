"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import type { ItemPlaintext } from "@/lib/crypto";
import type { ImportResult } from "@/lib/sdk/import";
import { findDuplicates } from "@/lib/sdk/import/duplicates";
import {
  defaultFolderVaultName,
  folderKey,
  planImport,
  type ImportPlanEntry,
  type ImportPlanOptions,
  type ImportVaultChoice,
} from "@/lib/sdk/import/plan";
import { errorMessage } from "@/lib/client/api";
import { vaultPlaintexts, writableVaults } from "@/lib/client/import/commit-import";
import type { OpenedVault } from "@/lib/client/vaults/open-vault";
import { useKeyring } from "@/components/keyring-provider";
import { useResource } from "@/components/ui/use-resource";

export type TargetMode = ImportPlanOptions["mode"];
/** "new" or the id of an existing vault. */
export type VaultChoice = string;

export type FolderRow = { key: string; path: string[]; items: number; defaultName: string };

/** An incoming item that matches one already in its target vault; `key` is `entry:item`. */
export type DuplicateRow = {
  key: string;
  plaintext: ItemPlaintext;
  vaultId: string;
  vaultName: string;
};

export const NEW_VAULT = "new";

/**
 * Where the items go and which of them are duplicates. The plan is recomputed from the choices
 * on every change; the skip/keep decisions are keyed by position in the plan, so changing the
 * target clears them (the duplicates are different ones then).
 */
export function useImportTarget(result: ImportResult | null, fileName: string) {
  const keyring = useKeyring();
  const loadVaults = useCallback(
    () => (keyring ? writableVaults(keyring) : Promise.resolve([])),
    [keyring],
  );
  const writable = useResource(keyring ? loadVaults : null);
  const vaults = writable.data;
  const [duplicatesError, setDuplicatesError] = useState<string | null>(null);
  const [mode, setMode] = useState<TargetMode>("one-vault");
  const [vaultChoice, setVaultChoice] = useState<VaultChoice>(NEW_VAULT);
  const [newName, setNewName] = useState("");
  const [folderNames, setFolderNames] = useState<Record<string, string>>({});
  const [existing, setExisting] = useState<Record<string, ItemPlaintext[]>>({});
  const [kept, setKept] = useState<Set<string>>(new Set());

  const folders = useMemo(() => folderRows(result), [result]);
  const defaultNewName = vaultNameFromFile(fileName);

  const options: ImportPlanOptions = useMemo(() => {
    const choice: ImportVaultChoice =
      vaultChoice === NEW_VAULT
        ? { vaultName: newName.trim() || defaultNewName }
        : { vaultId: vaultChoice };
    if (mode === "per-folder") return { mode, names: folderNames };
    return { mode, ...choice };
  }, [mode, vaultChoice, newName, defaultNewName, folderNames]);

  const plan = useMemo(() => (result ? planImport(result, options) : []), [result, options]);

  // The items of every existing target vault, decrypted here once, for the duplicate check.
  useEffect(() => {
    if (!keyring || !vaults) return;
    for (const entry of plan) {
      if (entry.target.kind !== "existing") continue;
      const vaultId = entry.target.vaultId;
      if (existing[vaultId]) continue;
      const vault = vaults.find((candidate) => candidate.summary.id === vaultId);
      if (!vault) continue;
      vaultPlaintexts(keyring, vault).then(
        (plaintexts) => setExisting((known) => ({ ...known, [vaultId]: plaintexts })),
        (caught: unknown) => setDuplicatesError(errorMessage(caught)),
      );
    }
  }, [keyring, vaults, plan, existing]);

  const duplicates = useMemo(
    () => duplicateRows(plan, existing, vaults ?? []),
    [plan, existing, vaults],
  );
  const checkingDuplicates = plan.some(
    (entry) => entry.target.kind === "existing" && !existing[entry.target.vaultId],
  );

  const finalPlan = useMemo(() => withoutSkipped(plan, duplicates, kept), [plan, duplicates, kept]);

  return {
    vaults,
    vaultsError: writable.error ?? duplicatesError,
    mode,
    setMode: (next: TargetMode) => {
      setMode(next);
      setKept(new Set());
    },
    vaultChoice,
    setVaultChoice: (next: VaultChoice) => {
      setVaultChoice(next);
      setKept(new Set());
    },
    newName,
    setNewName,
    defaultNewName,
    folders,
    folderNames,
    setFolderName: (key: string, name: string) =>
      setFolderNames((names) => ({ ...names, [key]: name })),
    plan,
    finalPlan,
    duplicates,
    checkingDuplicates,
    kept,
    setKeep: (key: string, keep: boolean) =>
      setKept((current) => {
        const next = new Set(current);
        if (keep) next.add(key);
        else next.delete(key);
        return next;
      }),
    keepAll: () => setKept(new Set(duplicates.map((row) => row.key))),
    skipAll: () => setKept(new Set()),
    skippedByVault: () => {
      const counts: Record<string, number> = {};
      for (const row of duplicates) {
        if (!kept.has(row.key)) counts[row.vaultId] = (counts[row.vaultId] ?? 0) + 1;
      }
      return counts;
    },
  };
}

/** Folders that hold items, in the file's order, with the vault name each gets by default. */
function folderRows(result: ImportResult | null): FolderRow[] {
  const rows = new Map<string, FolderRow>();
  for (const item of result?.items ?? []) {
    const key = folderKey(item.folder);
    const row = rows.get(key) ?? {
      key,
      path: item.folder,
      items: 0,
      defaultName: defaultFolderVaultName(item.folder),
    };
    row.items += 1;
    rows.set(key, row);
  }
  return [...rows.values()];
}

function duplicateRows(
  plan: readonly ImportPlanEntry[],
  existing: Record<string, ItemPlaintext[]>,
  vaults: readonly OpenedVault[],
): DuplicateRow[] {
  return plan.flatMap((entry, entryIndex) => {
    if (entry.target.kind !== "existing") return [];
    const vaultId = entry.target.vaultId;
    const known = existing[vaultId];
    if (!known) return [];
    const vaultName = vaults.find((vault) => vault.summary.id === vaultId)?.name ?? "the vault";
    const incoming = entry.items.map((item) => item.plaintext);
    return findDuplicates(incoming, known).map((itemIndex) => ({
      key: `${entryIndex}:${itemIndex}`,
      plaintext: incoming[itemIndex]!,
      vaultId,
      vaultName,
    }));
  });
}

/** The plan as it is committed: every duplicate the person did not choose to keep is left out. */
function withoutSkipped(
  plan: readonly ImportPlanEntry[],
  duplicates: readonly DuplicateRow[],
  kept: ReadonlySet<string>,
): ImportPlanEntry[] {
  const skipped = new Set(duplicates.filter((row) => !kept.has(row.key)).map((row) => row.key));
  return plan
    .map((entry, entryIndex) => ({
      ...entry,
      items: entry.items.filter((_, itemIndex) => !skipped.has(`${entryIndex}:${itemIndex}`)),
    }))
    .filter((entry) => entry.items.length > 0);
}

/** "bitwarden_export_2026.json" → "bitwarden_export_2026": a name the person can change. */
export function vaultNameFromFile(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, "").trim();
  return base ? `Imported from ${base}` : "Imported";
}
