import {
  checklistDto,
  offboardingReport,
  type ChecklistDto,
  type ChecklistStepDto,
} from "@/lib/api/checklist";
import { adminVaultListResponse } from "@/lib/api/vault";
import { api, apiBlob, ApiError, errorMessage } from "./api";
import type { Keyring } from "./keyring";
import { rotateVaultKey } from "./vaults/rotate";
import { isConflict, vaultApi } from "./vaults/vault-api";

// Offboarding in the browser: typed calls, and the re-keying driver that moves each vault the
// departing person was in to a fresh key from this manager's client (DESIGN.md §11). People,
// templates and manual steps are checklist calls (lib/client/checklists.ts).

const checklistPath = (checklistId: string) =>
  `/api/v1/checklists/${encodeURIComponent(checklistId)}`;
const reportPath = (checklistId: string) =>
  `/api/v1/offboardings/${encodeURIComponent(checklistId)}/report`;

export const offboardingApi = {
  start: (userId: string, templateId?: string) =>
    api("/api/v1/offboardings", { json: { userId, templateId }, schema: checklistDto }),
  checklist: (checklistId: string) => api(checklistPath(checklistId), { schema: checklistDto }),
  report: (checklistId: string) => api(reportPath(checklistId), { schema: offboardingReport }),
  /** The report as the file the server names (admins: all of it; managers: their vaults). */
  reportFile: (checklistId: string) => apiBlob(reportPath(checklistId)),
  handOver: (checklistId: string, stepId: string, newManagerId: string) =>
    api(`${checklistPath(checklistId)}/steps/${encodeURIComponent(stepId)}/handover`, {
      json: { newManagerId },
      schema: checklistDto,
    }),
  adminVaults: () => api("/api/v1/admin/vaults", { schema: adminVaultListResponse }),
};

/** Where one vault's re-key stands, from this viewer's side. */
export type RekeyState =
  | "done"
  | "skipped"
  /** Pending, and this viewer manages the vault: their browser can do it. */
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
export async function managedVaultIds(): Promise<Set<string>> {
  const { vaults } = await vaultApi.list();
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
 * transaction, so a closed page loses at most the vault in flight, and running this again
 * picks up where it stopped. A 409 (someone rotated or wrote meanwhile) is retried once from
 * fresh data, unless the step turned out to be done by someone else. One vault failing (a
 * member whose keys changed, say) does not stop the others; failures come back at the end.
 */
export async function rekeyOffboardingVaults(input: {
  keyring: Keyring;
  checklistId: string;
  onProgress: (progress: RekeyProgress) => void;
  /** After each vault, so the page can show the step done. */
  onVaultDone?: (vaultId: string) => void;
  signal?: AbortSignal;
}): Promise<RekeyOutcome> {
  const { keyring, checklistId } = input;
  const [checklist, managed] = await Promise.all([
    offboardingApi.checklist(checklistId),
    managedVaultIds(),
  ]);
  const personId = checklist.subject.userId;
  if (!personId) throw new Error("This offboarding names nobody to remove.");
  const ready = rekeyPlan(checklist, managed).filter((entry) => entry.state === "ready");
  const outcome: RekeyOutcome = { rekeyed: [], doneElsewhere: [], failed: [] };
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
      rotateVaultKey({
        keyring,
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
        if (await stepSettled(checklistId, entry.step.id)) {
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
      outcome.failed.push({ vaultId: entry.vaultId, message: errorMessage(error) });
    }
  }
  return outcome;
}

/** The request never got an answer: no connection, or the page is being left. */
export function isInterruption(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}

async function stepSettled(checklistId: string, stepId: string): Promise<boolean> {
  const fresh = await offboardingApi.checklist(checklistId);
  return fresh.steps.find((step) => step.id === stepId)?.status !== "pending";
}

// A re-keying started in this tab continues by itself after a reload (once unlocked). Only
// the run's id is kept, in this tab's sessionStorage: what is pending always comes from the
// server, and nothing secret is stored.
const resumeKey = (checklistId: string) => `coffer:rekey:${checklistId}`;

export const rekeyResume = {
  mark(checklistId: string) {
    try {
      sessionStorage.setItem(resumeKey(checklistId), "1");
    } catch {
      // Storage unavailable: the button still works, it just will not resume on its own.
    }
  },
  clear(checklistId: string) {
    try {
      sessionStorage.removeItem(resumeKey(checklistId));
    } catch {
      // As above.
    }
  },
  pending(checklistId: string): boolean {
    try {
      return sessionStorage.getItem(resumeKey(checklistId)) === "1";
    } catch {
      return false;
    }
  },
};

/** `offboarding-<email>-<yyyy-mm-dd>.json`, as the server names the download. */
export function reportFileName(email: string, startedAt: string): string {
  return `offboarding-${email.replace(/[^A-Za-z0-9@._+-]/g, "_")}-${startedAt.slice(0, 10)}.json`;
}
