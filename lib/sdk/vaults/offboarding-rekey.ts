import type { ChecklistDto, ChecklistStepDto } from "@/lib/api/checklist";
import { isConflict, isInterruption } from "./errors";
import { rotateVaultKey } from "./rotate";
import type { VaultSession } from "./vault-session";

/** Where one vault's re-key stands, from this viewer's side. */
export type RekeyState =
  | "done"
  | "skipped"
  /** Pending, and this viewer manages the vault: their client can do it. */
  | "ready"
  /** Pending until an admin names a new manager: the person was its only one. */
  | "awaiting-handover"
  /** Pending, for the vault's managers (this viewer is not one). */
  | "awaiting-managers";

export interface RekeyEntry {
  step: ChecklistStepDto;
  vaultId: string;
  state: RekeyState;
}

/**
 * The run's re-key steps, each with what this viewer can do about it. `managedVaultIds` are
 * the vaults the viewer's own vault list says they manage.
 */
export function rekeyPlan(checklist: ChecklistDto, managedVaultIds: Set<string>): RekeyEntry[] {
  const handoverPending = new Set(
    checklist.steps
      .filter((step) => step.action === "handover_vault" && step.status === "pending")
      .map((step) => step.vaultId),
  );
  return checklist.steps
    .filter((step) => step.action === "rotate_vault" && step.vaultId)
    .map((step) => {
      const vaultId = step.vaultId ?? "";
      let state: RekeyState;
      if (step.status === "done") state = "done";
      else if (step.status === "skipped") state = "skipped";
      else if (handoverPending.has(vaultId) && !managedVaultIds.has(vaultId))
        state = "awaiting-handover";
      else if (managedVaultIds.has(vaultId)) state = "ready";
      else state = "awaiting-managers";
      return { step, vaultId, state };
    });
}

/** The vaults this viewer manages, from their own vault list. */
export async function managedVaultIds(session: VaultSession): Promise<Set<string>> {
  const { vaults } = await session.api.list();
  return new Set(vaults.filter((vault) => vault.role === "manage").map((vault) => vault.id));
}

export interface RekeyProgress {
  /** 1-based position of the vault being re-keyed, and how many this run will do. */
  vault: number;
  vaults: number;
  vaultId: string;
  /** Items re-encrypted in the current vault (0 of 0 while sealing the new key). */
  items: { done: number; total: number };
}

export interface RekeyOutcome {
  rekeyed: string[];
  /** Done by another manager meanwhile: nothing left to do here. */
  doneElsewhere: string[];
  failed: Array<{ vaultId: string; message: string }>;
}

/**
 * Re-keys, one after the other, every pending re-key step of the run whose vault this viewer
 * manages: open the vault, rotate its key without the person, next. Resumable by design: what
 * is pending is read from the server, which marks a step done in the rotation's own
 * transaction, so an interrupted client loses at most the vault in flight, and running this
 * again picks up where it stopped. A 409 (someone rotated or wrote meanwhile) is retried once
 * from fresh data, unless the step turned out to be done by someone else. One vault failing (a
 * member whose keys changed, say) does not stop the others; failures come back at the end.
 */
export async function rekeyOffboardingVaults(
  session: VaultSession,
  input: {
    checklistId: string;
    onProgress: (progress: RekeyProgress) => void;
    /** After each vault, so a page can show the step done. */
    onVaultDone?: (vaultId: string) => void;
    signal?: AbortSignal;
  },
): Promise<RekeyOutcome> {
  const { checklistId } = input;
  const [checklist, managed] = await Promise.all([
    session.api.checklist(checklistId),
    managedVaultIds(session),
  ]);
  const personId = checklist.subject.userId;
  if (!personId) throw new Error("This offboarding names nobody to remove.");
  const ready = rekeyPlan(checklist, managed).filter((entry) => entry.state === "ready");
  const outcome: RekeyOutcome = { rekeyed: [], doneElsewhere: [], failed: [] };
  const stepSettled = async (stepId: string) => {
    const fresh = await session.api.checklist(checklistId);
    return fresh.steps.find((step) => step.id === stepId)?.status !== "pending";
  };
  for (const [index, entry] of ready.entries()) {
    if (input.signal?.aborted) break;
    const report = (done: number, total: number) =>
      input.onProgress({
        vault: index + 1,
        vaults: ready.length,
        vaultId: entry.vaultId,
        items: { done, total },
      });
    report(0, 0);
    const rotate = () =>
      rotateVaultKey(session, {
        vaultId: entry.vaultId,
        removeUserIds: [personId],
        onProgress: report,
        maxAttempts: 1,
      });
    try {
      try {
        await rotate();
      } catch (error) {
        if (!isConflict(error)) throw error;
        if (await stepSettled(entry.step.id)) {
          outcome.doneElsewhere.push(entry.vaultId);
          input.onVaultDone?.(entry.vaultId);
          continue;
        }
        await rotate();
      }
      outcome.rekeyed.push(entry.vaultId);
      input.onVaultDone?.(entry.vaultId);
    } catch (error) {
      // Offline, or the page is going away: the run is interrupted, not the vault failed.
      if (isInterruption(error)) throw error;
      const message =
        error instanceof Error && error.message ? error.message : "Something went wrong.";
      outcome.failed.push({ vaultId: entry.vaultId, message });
    }
  }
  return outcome;
}
