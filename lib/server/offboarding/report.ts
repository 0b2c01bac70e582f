import "server-only";
import { offboardingReport, type OffboardingReport } from "@/lib/api/checklist";
import { loadReportInputs, storeReport } from "../data/offboarding";
import { findServiceAccountFlags } from "../data/service-accounts";

type Inputs = NonNullable<Awaited<ReturnType<typeof loadInputs>>>;
type Person = { id: string; name: string };

const formerMember = (id: string): Person => ({ id, name: "Former member" });

/** A stored report, when it is a valid one (it always is, unless edited by hand). */
function storedReport(value: unknown): OffboardingReport | null {
  const parsed = offboardingReport.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The report from the run as it stands: each vault's re-key step (with who did it and when),
 * hand-overs and revoked counts as recorded, and every flag the run raised with its owner and
 * whether it has cleared. Ids, counts and names of people only: never a secret or its title.
 */
function buildReport({ run, flags, people, subject, accounts }: Inputs): OffboardingReport {
  const stored = storedReport(run.report);
  const person = (id: string | null) => (id ? (people.get(id) ?? formerMember(id)) : null);
  const handedOver = new Map(
    (stored?.vaults ?? []).map((vault) => [vault.vaultId, vault.handedOverTo] as const),
  );
  const vaultIds = [...new Set(run.steps.flatMap((step) => (step.vaultId ? [step.vaultId] : [])))];
  return {
    person: {
      userId: run.subjectUserId ?? "",
      email: subject?.email ?? run.subjectEmail,
      name: subject?.name ?? "",
    },
    startedAt: run.startedAt.toISOString(),
    completedAt: run.completedAt?.toISOString() ?? null,
    revoked: stored?.revoked ?? {
      sessions: 0,
      securityKeys: 0,
      invites: 0,
      machineTokens: 0,
      shareLinks: 0,
    },
    vaults: vaultIds.map((vaultId) => {
      const rekey = run.steps.find(
        (step) => step.action === "rotate_vault" && step.vaultId === vaultId,
      );
      const rekeyed = rekey?.status === "done";
      return {
        vaultId,
        rekeyed,
        rekeyedAt: rekeyed ? (rekey?.completedAt?.toISOString() ?? null) : null,
        rekeyedBy: rekeyed ? person(rekey?.actorId ?? null) : null,
        handedOverTo: handedOver.get(vaultId) ?? null,
      };
    }),
    flaggedItems: flags.map((flag) => ({
      itemId: flag.itemId,
      vaultId: flag.vaultId,
      priority: flag.priority,
      reason: flag.reason,
      owner: person(flag.ownerId),
      cleared: flag.clearedAt !== null,
    })),
    // A deleted account needs no re-key: nothing opens it any more.
    serviceAccounts: (stored?.serviceAccounts ?? []).map(({ serviceAccountId }) => {
      const account = accounts.get(serviceAccountId);
      return {
        serviceAccountId,
        name: account?.name ?? "Deleted service account",
        flagReason: account?.flagReason ?? null,
        needsRekey: account ? account.flaggedAt !== null : false,
      };
    }),
    shareLinks: stored?.shareLinks ?? [],
  };
}

/** The run's inputs plus the current flag of each service account its report lists. */
async function loadInputs(runId: string) {
  const inputs = await loadReportInputs(runId);
  if (!inputs) return null;
  const ids = storedReport(inputs.run.report)?.serviceAccounts.map(
    (entry) => entry.serviceAccountId,
  );
  const rows = await findServiceAccountFlags(ids ?? []);
  return { ...inputs, accounts: new Map(rows.map((row) => [row.id, row])) };
}

/** A closed run's report is sealed once it carries the run's completion time. */
const sealed = (inputs: Inputs, stored: OffboardingReport | null): stored is OffboardingReport =>
  inputs.run.status !== "open" && stored !== null && stored.completedAt !== null;

/**
 * The offboarding report of a run, or null when the run is not an offboarding. While the run
 * is open it is computed live; when it has closed, the snapshot taken at closing is returned
 * (taken here if whatever closed the run did not take it).
 */
export async function offboardingReportFor(runId: string): Promise<OffboardingReport | null> {
  const inputs = await loadInputs(runId);
  if (!inputs) return null;
  const stored = storedReport(inputs.run.report);
  if (sealed(inputs, stored)) return stored;
  const report = buildReport(inputs);
  if (inputs.run.status !== "open") await storeReport(runId, report);
  return report;
}

/**
 * Brings the stored report of these runs up to date after a step changed: a run that closed
 * gets its snapshot. A sealed snapshot is never overwritten.
 */
export async function refreshOffboardingReports(runIds: string[]) {
  for (const runId of new Set(runIds)) {
    const inputs = await loadInputs(runId);
    if (!inputs || sealed(inputs, storedReport(inputs.run.report))) continue;
    await storeReport(runId, buildReport(inputs));
  }
}

/** The report as a non-admin manager may see it: the vaults they are in, nothing else. */
export function reportForVaults(report: OffboardingReport, vaultIds: Set<string>) {
  return {
    ...report,
    vaults: report.vaults.filter((vault) => vaultIds.has(vault.vaultId)),
    flaggedItems: report.flaggedItems.filter((item) => vaultIds.has(item.vaultId)),
    // Service accounts are the admins' and their managers' business, not a vault's.
    serviceAccounts: [],
    shareLinks: report.shareLinks.filter(
      (link) => link.sourceVaultId !== null && vaultIds.has(link.sourceVaultId),
    ),
  };
}

/** `offboarding-<email>-<yyyy-mm-dd>.json`, with anything a header could choke on removed. */
export function reportFileName(report: OffboardingReport) {
  const email = report.person.email.replace(/[^A-Za-z0-9@._+-]/g, "_");
  return `offboarding-${email}-${report.startedAt.slice(0, 10)}.json`;
}
