"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ChecklistDto } from "@/lib/api/checklist";
import { errorMessage } from "@/lib/client/api";
import {
  isInterruption,
  rekeyOffboardingVaults,
  rekeyPlan,
  rekeyResume,
  type RekeyOutcome,
  type RekeyProgress,
} from "@/lib/client/offboarding";
import { useKeyring } from "@/components/keyring-provider";

/**
 * The re-keying of an offboarding's vaults in this browser: the plan, the run with its
 * progress and outcome, and the resumption of a run a reload interrupted.
 */
export function useRekeyRun({
  checklistId,
  checklist,
  managed,
  reload,
}: {
  checklistId: string;
  checklist: ChecklistDto | null;
  managed: Set<string> | null;
  reload: () => Promise<void>;
}) {
  const keyring = useKeyring();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<RekeyProgress | null>(null);
  const [outcome, setOutcome] = useState<RekeyOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rekeyedHere, setRekeyedHere] = useState<Set<string>>(new Set());
  const resumeTried = useRef(false);
  const leaving = useRef(false);

  useEffect(() => {
    const onPageHide = () => {
      leaving.current = true;
    };
    window.addEventListener("pagehide", onPageHide);
    return () => window.removeEventListener("pagehide", onPageHide);
  }, []);

  const plan = useMemo(
    () => (checklist && managed ? rekeyPlan(checklist, managed) : []),
    [checklist, managed],
  );
  const ready = plan.filter(
    (entry) => entry.state === "ready" && !rekeyedHere.has(entry.vaultId),
  ).length;

  const run = useCallback(async () => {
    if (!keyring) return;
    rekeyResume.mark(checklistId);
    setRunning(true);
    setOutcome(null);
    setError(null);
    const started = performance.now();
    let interrupted = false;
    try {
      const result = await rekeyOffboardingVaults({
        keyring,
        checklistId,
        onProgress: setProgress,
        onVaultDone: (vaultId) => setRekeyedHere((previous) => new Set(previous).add(vaultId)),
      });
      // Read by the offboarding benchmark: the re-keying alone, and from the start of the
      // offboarding (when it was started from this tab) to its last vault.
      performance.measure("coffer:offboard-rekey", { start: started, end: performance.now() });
      if (performance.getEntriesByName("coffer:offboard-start", "mark").length > 0) {
        performance.measure("coffer:offboard-total", "coffer:offboard-start");
      }
      setOutcome(result);
    } catch (caught) {
      interrupted = isInterruption(caught);
      setError(errorMessage(caught));
    } finally {
      // Finished or failed, this run is over: only an interrupted one (the connection lost,
      // the page reloaded or closed midway) resumes when the page is opened again.
      if (!interrupted && !leaving.current) rekeyResume.clear(checklistId);
      setRunning(false);
      setProgress(null);
      await reload();
    }
  }, [keyring, checklistId, reload]);

  useEffect(() => {
    // Not before the keyring is there: a try without it would use up the one resumption.
    if (!keyring || !checklist || !managed || running || resumeTried.current) return;
    resumeTried.current = true;
    if (!rekeyResume.pending(checklistId)) return;
    if (plan.some((entry) => entry.state === "ready")) {
      // A re-keying this tab started before a reload: carry on with what is still pending.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      void run();
    } else {
      rekeyResume.clear(checklistId);
    }
  }, [keyring, checklist, managed, running, plan, checklistId, run]);

  return {
    canRun: keyring !== null,
    plan,
    ready,
    running,
    progress,
    outcome,
    error,
    rekeyedHere,
    run,
  };
}

export type RekeyRun = ReturnType<typeof useRekeyRun>;
