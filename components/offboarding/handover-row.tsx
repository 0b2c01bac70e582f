"use client";

import { useState } from "react";
import type { ChecklistDto, ChecklistStepDto } from "@/lib/api/checklist";
import type { AdminVaultDto } from "@/lib/api/vault";
import { dateTime } from "@/lib/client/format";
import { offboardingApi } from "@/lib/client/offboarding";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { SelectField } from "@/components/vaults/select-field";
import { StepIcon } from "./step-icon";

/** A vault the person managed alone, and the choice of who manages it next. */
export function HandoverRow({
  checklistId,
  step,
  label,
  subjectId,
  vault,
  canAct,
  onDone,
}: {
  checklistId: string;
  step: ChecklistStepDto;
  label: string;
  subjectId: string | null;
  vault: AdminVaultDto | null;
  canAct: boolean;
  onDone: (checklist: ChecklistDto) => void;
}) {
  const [managerId, setManagerId] = useState("");
  const handOver = useAction(async () => {
    onDone(await offboardingApi.handOver(checklistId, step.id, managerId));
  });
  const candidates = (vault?.members ?? []).filter((member) => member.userId !== subjectId);

  return (
    <li data-testid="handover-row" className="py-3 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <StepIcon status={step.status} />
        <span className="min-w-0 flex-1 font-medium text-stone-900">{label}</span>
        {step.status !== "pending" ? (
          <span className="text-emerald-700">
            Handed over{step.actor ? ` by ${step.actor.name}` : ""}
            {step.completedAt ? `, ${dateTime(step.completedAt)}` : ""}
          </span>
        ) : !canAct ? (
          <span className="text-amber-800">Waiting for an admin to choose a new manager</span>
        ) : candidates.length === 0 ? (
          <span className="text-stone-600">Loading members…</span>
        ) : (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (managerId) void handOver.run();
            }}
          >
            <SelectField
              label={`New manager of ${label}`}
              hideLabel
              value={managerId}
              onChange={setManagerId}
              options={[
                { value: "", label: "Choose a member…" },
                ...candidates.map((member) => ({
                  value: member.userId,
                  label: `${member.name} <${member.email}>`,
                })),
              ]}
            />
            <Button
              type="submit"
              size="sm"
              disabled={!managerId}
              busy={handOver.pending}
              busyLabel="Handing over…"
            >
              Hand over
            </Button>
          </form>
        )}
      </div>
      {handOver.error && <Alert className="mt-2">{handOver.error.message}</Alert>}
    </li>
  );
}
