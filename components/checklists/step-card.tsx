"use client";

import { useId, useState } from "react";
import type { ChecklistDto, ChecklistStepDto, StepStatus } from "@/lib/api/checklist";
import { checklistApi } from "@/lib/client/checklists";
import { dateTime } from "@/lib/client/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { ROLE_LABELS } from "@/components/vaults/badges";
import { assigneeLabels } from "./assignee-labels";
import { StepComments } from "./step-comments";
import { StepStatusIcon } from "./step-status-icon";

/** The title a person reads: a per-vault step names its vault and the access it gives. */
function stepTitle(step: ChecklistStepDto, vaultName: string | null) {
  if (!vaultName) return step.title;
  const role = step.vaultRole ? ` as ${ROLE_LABELS[step.vaultRole].toLowerCase()}` : "";
  return `${step.title}: ${vaultName}${role}`;
}

/** One step: its state, who did it and when, its buttons if it is manual, and its comments. */
export function StepCard({
  step,
  number,
  checklistId,
  open,
  vaultName,
  onChange,
}: {
  step: ChecklistStepDto;
  number: number;
  checklistId: string;
  open: boolean;
  vaultName: string | null;
  onChange: (checklist: ChecklistDto) => void;
}) {
  const title = stepTitle(step, vaultName);
  const headingId = useId();
  const manual = step.kind === "manual";

  return (
    <li
      aria-labelledby={headingId}
      data-testid="checklist-step"
      className={`rounded-2xl border p-5 shadow-sm ${step.status === "pending" ? "border-stone-200 bg-white" : "border-stone-100 bg-stone-50"}`}
    >
      <div className="flex flex-wrap items-start gap-3">
        <StepStatusIcon status={step.status} />
        <div className="min-w-0 flex-1">
          <h2 id={headingId} className="font-medium text-stone-900">
            <span className="sr-only">Step {number}: </span>
            {title}
          </h2>
          <StepFacts step={step} />
          {step.description && (
            <p className="mt-2 text-sm whitespace-pre-line text-stone-700">{step.description}</p>
          )}
          {step.link && /^https?:\/\//i.test(step.link) && (
            // Links come from templates admins write; only http(s) is ever an href.
            <p className="mt-2 text-sm">
              <a
                href={step.link}
                target="_blank"
                rel="noopener noreferrer"
                className="font-medium break-all text-sky-800 underline underline-offset-2"
              >
                {step.link}
              </a>
            </p>
          )}
        </div>
        {manual && open && (
          <StepButtons step={step} title={title} checklistId={checklistId} onChange={onChange} />
        )}
      </div>
      <StepComments
        step={step}
        title={title}
        checklistId={checklistId}
        open={open}
        onChange={onChange}
      />
    </li>
  );
}

function StepFacts({ step }: { step: ChecklistStepDto }) {
  const manual = step.kind === "manual";
  return (
    <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-stone-500">
      <span
        className={`inline-flex rounded-full px-2 py-0.5 font-medium ring-1 ring-inset ${manual ? "bg-violet-50 text-violet-800 ring-violet-200" : "bg-stone-100 text-stone-700 ring-stone-200"}`}
      >
        {manual ? "Manual" : "Automatic"}
      </span>
      {(manual || step.vaultId) && (
        // Coffer's own person-less steps (invite, account, key, suspension…) have nobody
        // to do them; a per-vault step waits on its managers, or an admin's hand-over.
        <span>For: {assigneeLabels[step.assigneeRole]}</span>
      )}
      {step.status !== "pending" && (
        <span>
          {step.status === "done" ? "Done" : "Skipped"}
          {step.actor && <> by {step.actor.name}</>}
          {step.completedAt && (
            <>
              ,{" "}
              <time dateTime={step.completedAt} title={dateTime(step.completedAt)}>
                {dateTime(step.completedAt)}
              </time>
            </>
          )}
        </span>
      )}
    </p>
  );
}

/** Mark done, Skip or Reopen: the button pressed shows the wait, the others hold still. */
function StepButtons({
  step,
  title,
  checklistId,
  onChange,
}: {
  step: ChecklistStepDto;
  title: string;
  checklistId: string;
  onChange: (checklist: ChecklistDto) => void;
}) {
  const [requested, setRequested] = useState<StepStatus | null>(null);
  const update = useAction(async (status: StepStatus) => {
    onChange(await checklistApi.setStepStatus(checklistId, step.id, status));
  });
  const busy = update.pending ? requested : null;
  const setStatus = (status: StepStatus) => {
    setRequested(status);
    void update.run(status);
  };

  return (
    <>
      <div className="flex flex-wrap gap-2">
        {step.status === "pending" ? (
          <>
            <Button
              size="sm"
              onClick={() => setStatus("done")}
              busy={busy === "done"}
              disabled={busy !== null}
              busyLabel="Saving…"
              aria-label={`Mark done: ${title}`}
            >
              Mark done
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => setStatus("skipped")}
              busy={busy === "skipped"}
              disabled={busy !== null}
              busyLabel="Saving…"
              aria-label={`Skip "${title}"`}
            >
              Skip
            </Button>
          </>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setStatus("pending")}
            busy={busy === "pending"}
            busyLabel="Saving…"
            aria-label={`Reopen "${title}"`}
          >
            Reopen
          </Button>
        )}
      </div>
      {update.error && <Alert className="w-full">{update.error.message}</Alert>}
    </>
  );
}
