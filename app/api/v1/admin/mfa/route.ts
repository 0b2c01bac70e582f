import { route } from "@/lib/server/route";
import { mfaPolicySettings } from "@/lib/api/mfa";
import { getOrgMfaPolicy, setOrgMfaPolicy } from "@/lib/server/data/mfa";
import { recordAudit } from "@/lib/server/audit";
import { complianceView } from "@/lib/server/mfa/compliance-view";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "admin",
  handler: async () => complianceView(),
});

export const PUT = route({
  access: "admin",
  stepUp: true,
  body: mfaPolicySettings,
  handler: async ({ session, body, request }) => {
    const before = await getOrgMfaPolicy();
    await setOrgMfaPolicy(before.id, body);
    await recordAudit({
      action: "policy.mfa_change",
      actorId: session.userId,
      request,
      targetType: "organization",
      targetId: before.id,
      details: {
        requireMfaBefore: before.requireMfa,
        requireMfa: body.requireMfa,
        graceDays: body.graceDays,
        userVerification: body.userVerification,
      },
    });
    return complianceView();
  },
});
