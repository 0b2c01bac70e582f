import { route } from "@/lib/server/route";
import { addMemberRequest } from "@/lib/api/vault";
import { addMember, findBundle } from "@/lib/server/data/vaults";
import { canManageVault } from "@/lib/server/policies";
import { recordAudit } from "@/lib/server/audit";
import { badRequest, conflict } from "@/lib/server/errors";
import { personIsCompliant } from "@/lib/server/mfa/compliance-view";
import { completeOnboardingGrant } from "@/lib/server/onboarding/progress";
import { requireGrantsSignedBy } from "@/lib/server/vaults/grant-signatures";

export const dynamic = "force-dynamic";

export const POST = route({
  access: "session",
  body: addMemberRequest,
  status: 201,
  handler: async ({ session, params, body, request }) => {
    const vaultId = params.vaultId ?? "";
    await canManageVault(session, vaultId);
    const recipient = await findBundle(body.userId);
    if (!recipient || recipient.status !== "active") throw badRequest("No such person.", "userId");
    await requireGrantsSignedBy(session.userId, [
      { field: "grant", vaultId, userId: body.userId, grant: body.grant },
    ]);
    if (recipient.boxPublicKey !== body.grant.memberBoxPublicKey) {
      // The grant was sealed to a key this person no longer has: the sharer must re-check.
      throw badRequest("The grant is sealed to another key.", "grant.memberBoxPublicKey");
    }
    if (!(await personIsCompliant(body.userId))) {
      throw conflict(
        "This person must add a security key, as your organisation requires, before they can be given access.",
        "member_not_compliant",
      );
    }
    await addMember({ vaultId, userId: body.userId, granterId: session.userId, grant: body.grant });
    await recordAudit({
      action: "vault.share",
      actorId: session.userId,
      request,
      vaultId,
      targetType: "user",
      targetId: body.userId,
      details: { role: body.grant.role, keyVersion: body.grant.keyVersion },
    });
    await completeOnboardingGrant(
      { vaultId, userId: body.userId, granterId: session.userId },
      request,
    );
    return { userId: body.userId, role: body.grant.role };
  },
});
