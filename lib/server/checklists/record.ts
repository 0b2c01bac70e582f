import "server-only";
import type { StepStatus } from "@/lib/api/checklist";
import { recordAudit } from "../audit";

/**
 * The audit trail of a checklist: one event per step change (by a person, or by Coffer when
 * the thing a step stands for happened), and one when the run completes. Ids and labels only.
 */
export async function recordStepChange(event: {
  actorId: string | null;
  request?: Request;
  runId: string;
  stepId?: string;
  action?: string | null;
  vaultId?: string | null;
  status: StepStatus;
  automatic: boolean;
  closed: boolean;
}) {
  await recordAudit({
    action: "checklist.step",
    actorId: event.actorId,
    request: event.request,
    targetType: "checklist",
    targetId: event.runId,
    vaultId: event.vaultId ?? undefined,
    details: {
      ...(event.stepId ? { stepId: event.stepId } : {}),
      ...(event.action ? { step: event.action } : {}),
      status: event.status,
      automatic: event.automatic,
    },
  });
  if (event.closed) {
    await recordAudit({
      action: "checklist.complete",
      actorId: event.actorId,
      request: event.request,
      targetType: "checklist",
      targetId: event.runId,
    });
  }
}
