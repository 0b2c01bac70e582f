"use client";

import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { useVaultNames, vaultLabel } from "@/components/vaults/use-vault-names";
import { BackLink, ChecklistHeader } from "./checklist-header";
import { ProgressBar } from "./progress-bar";
import { StepCard } from "./step-card";
import { useChecklist } from "./use-checklist";

/**
 * One run of a checklist as its record: who it is about, who started it, and every step with
 * its state, who did it and when. Manual steps are ticked off here; Coffer ticks its own.
 */
export function ChecklistView({
  checklistId,
  isAdmin,
}: {
  checklistId: string;
  /** Admins go back to the list of checklists; a vault manager (no admin pages) to Home. */
  isAdmin: boolean;
}) {
  const { checklist, error, replace, refresh, refreshing } = useChecklist(checklistId);
  const hasVaultSteps = checklist?.steps.some((step) => step.vaultId) ?? false;
  const names = useVaultNames(hasVaultSteps);

  if (!checklist) {
    return (
      <div className="space-y-4">
        <BackLink isAdmin={isAdmin} />
        {error ? (
          <Alert>{error}</Alert>
        ) : (
          <p role="status" className="text-sm text-stone-500">
            Loading the checklist…
          </p>
        )}
      </div>
    );
  }

  const open = checklist.status === "open";
  const { done, total } = checklist.progress;

  return (
    <div className="space-y-6">
      <BackLink isAdmin={isAdmin} />
      <ChecklistHeader checklist={checklist} refreshing={refreshing} onRefresh={refresh} />

      <Card>
        <div className="flex items-baseline justify-between gap-3 text-sm">
          <p className="font-medium text-stone-900" id="checklist-progress">
            {done} of {total} steps done
          </p>
          {!open && (
            <p className="text-stone-500">
              {checklist.status === "done"
                ? "Finished: kept as a record."
                : "Cancelled: kept as a record."}
            </p>
          )}
        </div>
        <ProgressBar done={done} total={total} label="Progress" className="mt-2 h-2" />
        {error && <Alert className="mt-4">{error}</Alert>}
      </Card>

      <ol aria-label="Steps" className="space-y-3">
        {checklist.steps.map((step, index) => (
          <StepCard
            key={step.id}
            step={step}
            number={index + 1}
            checklistId={checklist.id}
            open={open}
            vaultName={step.vaultId ? vaultLabel(step.vaultId, names) : null}
            onChange={replace}
          />
        ))}
      </ol>
    </div>
  );
}
