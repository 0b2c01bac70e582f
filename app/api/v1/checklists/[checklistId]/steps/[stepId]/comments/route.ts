import { route } from "@/lib/server/route";
import { addCommentRequest } from "@/lib/api/checklist";
import { addStepComment } from "@/lib/server/data/checklist-runs";
import { canCommentOnChecklist, loadStep } from "@/lib/server/checklists/access";
import { loadChecklistDto } from "@/lib/server/checklists/checklist-dto";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const POST = route({
  access: "session",
  body: addCommentRequest,
  status: 201,
  handler: async ({ params, body, session, request }) => {
    const { run, step } = await loadStep(params.checklistId ?? "", params.stepId ?? "");
    await canCommentOnChecklist(session, run);
    const commentId = await addStepComment({
      stepId: step.id,
      authorId: session.userId,
      body: body.body,
    });
    // The comment's text stays out of the log: people write freely in it.
    await recordAudit({
      action: "checklist.comment",
      actorId: session.userId,
      request,
      targetType: "checklist",
      targetId: run.id,
      details: { stepId: step.id, commentId },
    });
    return loadChecklistDto(run.id, session);
  },
});
