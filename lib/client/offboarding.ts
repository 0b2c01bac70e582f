import { getSodium } from "@/lib/crypto";
import { checklistDto, offboardingReport } from "@/lib/api/checklist";
import { adminVaultListResponse } from "@/lib/api/vault";
import {
  rekeyOffboardingVaults as sdkRekeyOffboardingVaults,
  type RekeyOutcome,
  type RekeyProgress,
} from "@/lib/sdk/vaults/offboarding-rekey";
import { api, apiBlob } from "./api";
import type { Keyring } from "./keyring";
import { vaultApi } from "./vaults/vault-api";
import { vaultSession } from "./vaults/vault-session";

// Offboarding in the browser: typed calls, and the SDK's re-keying driver that moves each vault
// the departing person was in to a fresh key from this manager's client (DESIGN.md §11).
// People, templates and manual steps are checklist calls (lib/client/checklists.ts).

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

export { isInterruption } from "@/lib/sdk/vaults/errors";
export {
  rekeyPlan,
  type RekeyEntry,
  type RekeyOutcome,
  type RekeyProgress,
  type RekeyState,
} from "@/lib/sdk/vaults/offboarding-rekey";

/** The vaults this viewer manages, from their own vault list. */
export async function managedVaultIds(): Promise<Set<string>> {
  const { vaults } = await vaultApi.list();
  return new Set(vaults.filter((vault) => vault.role === "manage").map((vault) => vault.id));
}

/**
 * Re-keys every pending re-key step of the run whose vault this viewer manages, from this tab
 * (lib/sdk/vaults/offboarding-rekey.ts): resumable, one vault's failure not stopping the rest.
 */
export async function rekeyOffboardingVaults(input: {
  keyring: Keyring;
  checklistId: string;
  onProgress: (progress: RekeyProgress) => void;
  /** After each vault, so the page can show the step done. */
  onVaultDone?: (vaultId: string) => void;
  signal?: AbortSignal;
}): Promise<RekeyOutcome> {
  await getSodium();
  const { keyring, ...run } = input;
  return sdkRekeyOffboardingVaults(vaultSession(keyring), run);
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
