import { route } from "@/lib/server/route";
import { updateStepRequest } from "@/lib/api/checklist";
import { setManualStepStatus } from "@/lib/server/data/checklist-runs";
import { canUpdateStep, loadStep } from "@/lib/server/checklists/access";
import { recordStepChange } from "@/lib/server/checklists/record";
import { loadChecklistDto } from "@/lib/server/checklists/checklist-dto";
import { conflict } from "@/lib/server/errors";
import { refreshOffboardingReports } from "@/lib/server/offboarding/report";

export const dynamic = "force-dynamic";

/** Ticks a manual step off (done or skipped) or reopens it; answers the whole checklist. */
export const PUT = route({
  access: "session",
  body: updateStepRequest,
  handler: async ({ params, body, session, request }) => {
    const { run, step } = await loadStep(params.checklistId ?? "", params.stepId ?? "");
    await canUpdateStep(session, run, step);
    const result = await setManualStepStatus({
      runId: run.id,
      stepId: step.id,
      status: body.status,
      actorId: session.userId,
    });
    // The run closed between the check and the write.
    if (!result.updated) throw conflict("This checklist is closed.", "checklist_closed");
    await recordStepChange({
      actorId: session.userId,
      request,
      runId: run.id,
      stepId: step.id,
      status: body.status,
      automatic: false,
      closed: result.closed,
    });
    // Closing an offboarding freezes its report at that moment.
    if (result.closed && run.kind === "offboarding") await refreshOffboardingReports([run.id]);
    return loadChecklistDto(run.id, session);
  },
});
