"use client";

import type { ChecklistDto, ChecklistStepDto } from "@/lib/api/checklist";
import { checklistApi } from "@/lib/client/checklists";
import { dateTime } from "@/lib/client/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { StepIcon } from "./step-icon";

/** A step a person does outside Coffer, checked off (or skipped, or reopened) here. */
export function ManualStepRow({
  checklistId,
  step,
  open,
  onChange,
}: {
  checklistId: string;
  step: ChecklistStepDto;
  open: boolean;
  onChange: (checklist: ChecklistDto) => void;
}) {
  const setStatus = useAction(async (status: "pending" | "done" | "skipped") => {
    onChange(await checklistApi.setStepStatus(checklistId, step.id, status));
  });
  const busy = setStatus.pending;

  return (
    <li className="py-3 text-sm">
      <div className="flex flex-wrap items-start gap-3">
        <StepIcon status={step.status} />
        <div className="min-w-0 flex-1">
          <p className="font-medium text-stone-900">{step.title}</p>
          {step.description && <p className="text-stone-600">{step.description}</p>}
          {step.link && (
            <a
              href={step.link}
              target="_blank"
              rel="noreferrer noopener"
              className="text-sky-800 underline"
            >
              {step.link}
            </a>
          )}
          {step.status !== "pending" && step.actor && (
            <p className="text-xs text-stone-500">
              {step.status === "done" ? "Done" : "Skipped"} by {step.actor.name}
              {step.completedAt ? `, ${dateTime(step.completedAt)}` : ""}
            </p>
          )}
        </div>
        {open &&
          (step.status === "pending" ? (
            <span className="flex gap-2">
              <Button
                size="sm"
                variant="secondary"
                busy={busy}
                onClick={() => void setStatus.run("done")}
                aria-label={`Mark done: ${step.title}`}
              >
                Mark done
              </Button>
              <Button
                size="sm"
                variant="ghost"
                disabled={busy}
                onClick={() => void setStatus.run("skipped")}
                aria-label={`Skip "${step.title}"`}
              >
                Skip
              </Button>
            </span>
          ) : (
            <Button
              size="sm"
              variant="ghost"
              busy={busy}
              onClick={() => void setStatus.run("pending")}
              aria-label={`Reopen "${step.title}"`}
            >
              Reopen
            </Button>
          ))}
      </div>
      {setStatus.error && <Alert className="mt-2">{setStatus.error.message}</Alert>}
    </li>
  );
}
