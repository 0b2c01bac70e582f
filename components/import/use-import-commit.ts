"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { CommitImportResult, ImportProgress } from "@/lib/sdk/import/commit";
import type { ImportPlanEntry } from "@/lib/sdk/import/plan";
import { errorMessage } from "@/lib/client/api";
import { commitImportInBrowser } from "@/lib/client/import/commit-import";
import { useKeyring } from "@/components/keyring-provider";
import { useVaultStore } from "@/components/vaults/use-vault";

export type ImportOutcome = CommitImportResult & {
  total: number;
  /** Duplicates the person chose to skip, by the id of the existing vault they were in. */
  skippedByVault: Record<string, number>;
};

export const LEAVE_WARNING =
  "An import is still running. Leave anyway? Items not yet sent are lost.";

/**
 * Writing the plan: progress after every batch, Cancel through an AbortSignal (the SDK stops
 * between batches, so what was committed stays and the outcome says so), and a warning before
 * the page is left while batches are still going.
 */
export function useImportCommit() {
  const keyring = useKeyring();
  const store = useVaultStore();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const running = progress !== null && outcome === null && error === null;

  useEffect(() => {
    if (!running) return;
    function beforeUnload(event: BeforeUnloadEvent) {
      event.preventDefault();
    }
    // In-app links change the page without unloading it; ask before following one.
    function onClick(event: MouseEvent) {
      const link = (event.target as HTMLElement | null)?.closest("a[href]");
      if (link && !window.confirm(LEAVE_WARNING)) {
        event.preventDefault();
        event.stopPropagation();
      }
    }
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [running]);

  // Leaving the screen anyway stops the import after the batch in flight.
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async (plan: readonly ImportPlanEntry[], skippedByVault: Record<string, number>) => {
      if (!keyring) return;
      const abort = new AbortController();
      controller.current = abort;
      const total = plan.reduce((sum, entry) => sum + entry.items.length, 0);
      setError(null);
      setOutcome(null);
      setCancelling(false);
      setProgress({ committed: 0, total, vaultName: "" });
      const started = performance.now();
      const touched = new Set(
        plan.flatMap((entry) => (entry.target.kind === "existing" ? [entry.target.vaultId] : [])),
      );
      try {
        const result = await commitImportInBrowser(keyring, plan, {
          onProgress: setProgress,
          signal: abort.signal,
        });
        // The import benchmark reads this: from the file being chosen to the last batch.
        performance.measure("coffer:import-commit", { start: started, end: performance.now() });
        if (performance.getEntriesByName("coffer:import-file-chosen", "mark").length) {
          performance.measure("coffer:import", { start: "coffer:import-file-chosen" });
        }
        for (const vault of result.vaults) touched.add(vault.vaultId);
        setOutcome({ ...result, total, skippedByVault });
      } catch (caught) {
        setError(errorMessage(caught));
      } finally {
        controller.current = null;
        // The batches bypass the shared vault store: what it holds of these vaults is stale now,
        // even after a cancel or a failure, since the batches sent before it stay.
        if (store) {
          void store.ensureList(true);
          for (const vaultId of touched) void store.refreshVault(vaultId);
        }
      }
    },
    [keyring, store],
  );

  const cancel = useCallback(() => {
    setCancelling(true);
    controller.current?.abort();
  }, []);

  return { start, cancel, cancelling, running, progress, outcome, error };
}
