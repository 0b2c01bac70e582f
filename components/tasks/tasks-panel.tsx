"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useVaultNames, vaultLabel } from "@/components/vaults/use-vault-names";
import { GrantDialog } from "./grant-dialog";
import { TaskRow } from "./task-row";
import { useTasks } from "./use-tasks";

/**
 * What waits on this person as a vault manager: newcomers to give their vaults to (through the
 * usual share flow, fingerprint check included) and vaults to re-key after a departure.
 */
export function TasksPanel() {
  const panel = useTasks();
  const { tasks, error } = panel;
  const names = useVaultNames((tasks?.length ?? 0) > 0);

  return (
    <Card aria-labelledby="tasks-heading">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="tasks-heading" className="text-lg font-semibold text-stone-900">
            Waiting for you
          </h2>
          <p className="mt-1 text-sm text-stone-600">
            Onboarding and offboarding steps for the vaults you manage.
          </p>
        </div>
        <Button
          variant="secondary"
          size="sm"
          onClick={panel.refresh}
          busy={panel.refreshing}
          busyLabel="Refreshing…"
          aria-label="Refresh tasks"
        >
          Refresh
        </Button>
      </div>
      {panel.notice && (
        <Alert tone="success" className="mb-4">
          {panel.notice}
        </Alert>
      )}
      {error && <Alert className="mb-4">{error}</Alert>}
      {tasks === null && !error && (
        <p role="status" className="text-sm text-stone-500">
          Loading your tasks…
        </p>
      )}
      {tasks !== null && tasks.length === 0 && (
        <p className="rounded-lg border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-500">
          Nothing is waiting for you.
        </p>
      )}
      {tasks !== null && tasks.length > 0 && (
        <ul aria-label="Tasks" className="divide-y divide-stone-100">
          {tasks.map((task) => (
            <TaskRow
              key={task.stepId}
              task={task}
              vaultName={vaultLabel(task.vaultId, names)}
              onGrant={() => panel.startGrant(task)}
            />
          ))}
        </ul>
      )}
      {panel.granting && (
        <GrantDialog task={panel.granting} onClose={panel.cancelGrant} onDone={panel.grantDone} />
      )}
    </Card>
  );
}
