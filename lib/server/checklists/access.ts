import "server-only";
import { conflict, forbidden, notFound } from "../errors";
import { isOrgAdmin } from "../policies";
import { findRunForAccess, managedVaultIds } from "../data/checklist-runs";
import type { SessionContext } from "../session";

type RunForAccess = NonNullable<Awaited<ReturnType<typeof findRunForAccess>>>;
type StepForAccess = RunForAccess["steps"][number];

/** The vaults a run names: the vault of each per-vault step (grant, re-key, hand-over). */
const vaultsOf = (run: RunForAccess) => [
  ...new Set(run.steps.flatMap((step) => (step.vaultId ? [step.vaultId] : []))),
];

export async function loadRun(runId: string) {
  const run = await findRunForAccess(runId);
  if (!run) throw notFound("No such checklist.");
  return run;
}

export async function loadStep(runId: string, stepId: string) {
  const run = await loadRun(runId);
  const step = run.steps.find((candidate) => candidate.id === stepId);
  if (!step) throw notFound("No such step in this checklist.");
  return { run, step };
}

/**
 * Admins read every checklist; a manager of a vault the run names reads that run too, since
 * its grant or re-key is theirs to do. Anyone else: 403.
 */
export async function canReadChecklist(session: SessionContext, run: RunForAccess) {
  if (isOrgAdmin(session)) return;
  const vaults = vaultsOf(run);
  if (vaults.length && (await managedVaultIds(session.userId, vaults)).length) return;
  throw forbidden("Only admins and the managers of its vaults can see this checklist.");
}

/**
 * Who may tick a manual step off: an admin, or — for a step assigned to vault managers — a
 * manager of the step's vault (of any vault the run names, for a template step that has no
 * vault of its own). Never the person the checklist is about: nobody confirms their own
 * onboarding. Automatic steps are Coffer's (409), and a finished or cancelled run is a record
 * that no longer changes (409).
 */
export async function canUpdateStep(
  session: SessionContext,
  run: RunForAccess,
  step: StepForAccess,
) {
  if (run.subjectUserId === session.userId) {
    throw forbidden("Someone else confirms the steps of your own checklist.");
  }
  const vaults = step.vaultId ? [step.vaultId] : vaultsOf(run);
  const managesStepVault =
    step.assigneeRole === "vault_manager" &&
    vaults.length > 0 &&
    (await managedVaultIds(session.userId, vaults)).length > 0;
  if (!isOrgAdmin(session) && !managesStepVault) {
    throw forbidden(
      step.assigneeRole === "vault_manager"
        ? "Only admins and the managers of this step's vault can change it."
        : "Only admins can change this step.",
    );
  }
  if (step.kind === "automatic") {
    throw conflict("Coffer completes this step itself.", "automatic_step");
  }
  if (run.status !== "open") throw conflict("This checklist is closed.", "checklist_closed");
}

/** Comments: whoever may read the checklist, while it is open. */
export async function canCommentOnChecklist(session: SessionContext, run: RunForAccess) {
  await canReadChecklist(session, run);
  if (run.status !== "open") throw conflict("This checklist is closed.", "checklist_closed");
}
