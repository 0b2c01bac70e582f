import { route } from "@/lib/server/route";
import { startOffboardingRequest } from "@/lib/api/checklist";
import { requireCanOffboard } from "@/lib/server/offboarding/policy";
import { startOffboarding } from "@/lib/server/offboarding/start";
import { offboardingChecklist } from "@/lib/server/offboarding/views";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

// Suspends the person and revokes their access at once; the vault re-keys, hand-overs and
// manual steps follow as the run's steps.
export const POST = route({
  access: "session",
  stepUp: true,
  body: startOffboardingRequest,
  status: 201,
  handler: async ({ session, body, request }) => {
    const subject = await requireCanOffboard(session, body.userId, request);
    const started = await startOffboarding({
      subject,
      templateId: body.templateId,
      startedById: session.userId,
    });
    await recordAudit({
      action: "offboarding.start",
      actorId: session.userId,
      request,
      targetType: "user",
      targetId: subject.id,
      details: { runId: started.runId, vaults: started.vaults, ...started.revoked },
    });
    if (started.revoked.shareLinks > 0) {
      await recordAudit({
        action: "share_link.revoked",
        actorId: session.userId,
        request,
        targetType: "user",
        targetId: subject.id,
        details: { reason: "offboarding", runId: started.runId, count: started.revoked.shareLinks },
      });
    }
    await recordAudit({
      action: "flag.create",
      actorId: session.userId,
      request,
      targetType: "checklist",
      targetId: started.runId,
      details: {
        source: "offboarding",
        high: started.flagged.high,
        medium: started.flagged.medium,
      },
    });
    return offboardingChecklist(started.runId);
  },
});
