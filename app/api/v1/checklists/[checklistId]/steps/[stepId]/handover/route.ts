import { route } from "@/lib/server/route";
import { handoverRequest } from "@/lib/api/checklist";
import { handOverVault } from "@/lib/server/offboarding/handover";
import { offboardingChecklist } from "@/lib/server/offboarding/views";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

// A vault the departing person solely managed gets a new manager from among its members.
export const POST = route({
  access: "admin",
  stepUp: true,
  body: handoverRequest,
  handler: async ({ session, params, body, request }) => {
    const runId = params.checklistId ?? "";
    const handedOver = await handOverVault({
      runId,
      stepId: params.stepId ?? "",
      newManagerId: body.newManagerId,
      actorId: session.userId,
    });
    await recordAudit({
      action: "offboarding.handover",
      actorId: session.userId,
      request,
      vaultId: handedOver.vaultId,
      targetType: "user",
      targetId: body.newManagerId,
      details: { runId },
    });
    return offboardingChecklist(runId);
  },
});
