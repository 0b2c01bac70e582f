import { route } from "@/lib/server/route";
import { onboardingInviteRequest, type OnboardingInviteResponse } from "@/lib/api/checklist";
import { emailHasAccount } from "@/lib/server/data/invites";
import { inviteList } from "@/lib/server/invite-views";
import { requireOrganization } from "@/lib/server/data/organization";
import { inviteToDto } from "@/lib/server/dto";
import { startOnboarding } from "@/lib/server/onboarding/start-onboarding";
import { emailInvite } from "@/lib/server/onboarding/invite-email";
import { recordAudit } from "@/lib/server/audit";
import { HttpError } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "admin",
  handler: async () => inviteList(),
});

// { email, role } alone still works: no vaults, the default onboarding template.
export const POST = route({
  access: "admin",
  body: onboardingInviteRequest,
  status: 201,
  handler: async ({ body, session, request }): Promise<OnboardingInviteResponse> => {
    // Sign-up would refuse the account anyway; saying so now spares the newcomer a dead link.
    if (await emailHasAccount(body.email)) {
      throw new HttpError(
        409,
        "account_exists",
        "Someone already has an account with this email address. Share vaults with them instead of inviting them.",
        "email",
      );
    }
    const org = await requireOrganization();
    const { invite, token, checklistId } = await startOnboarding({
      orgId: org.id,
      createdById: session.userId,
      invite: body,
    });
    await recordAudit({
      action: "invite.create",
      actorId: session.userId,
      request,
      targetType: "invite",
      targetId: invite.id,
      details: { role: body.role },
    });
    await recordAudit({
      action: "checklist.start",
      actorId: session.userId,
      request,
      targetType: "checklist",
      targetId: checklistId,
      details: { kind: "onboarding", inviteId: invite.id, vaults: body.vaults.length },
    });
    // After the commit: a mail server that fails or hangs cannot undo the invite.
    const emailed = await emailInvite({
      to: invite.email,
      token,
      organizationName: org.name,
      inviterName: session.name,
      expiresAt: invite.expiresAt,
    });
    if (emailed) {
      await recordAudit({
        action: "onboarding.invite_emailed",
        actorId: session.userId,
        request,
        targetType: "invite",
        targetId: invite.id,
      });
    }
    return { invite: inviteToDto(invite), token, checklistId, emailed };
  },
});
