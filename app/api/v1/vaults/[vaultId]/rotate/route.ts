import { route } from "@/lib/server/route";
import { rotateVaultRequest } from "@/lib/api/vault";
import { rotateVault } from "@/lib/server/data/vaults";
import { canManageVault } from "@/lib/server/policies";
import { recordAudit } from "@/lib/server/audit";
import { offboardingRekeySteps } from "@/lib/server/offboarding/rekey";
import {
  requireGrantsSignedBy,
  requireMachineGrantsSignedBy,
} from "@/lib/server/vaults/grant-signatures";

export const dynamic = "force-dynamic";

export const POST = route({
  access: "session",
  body: rotateVaultRequest,
  handler: async ({ session, params, body, request }) => {
    const vaultId = params.vaultId ?? "";
    await canManageVault(session, vaultId);
    await requireGrantsSignedBy(
      session.userId,
      body.grants.map((grant, index) => ({
        field: `grants.${index}`,
        vaultId,
        userId: grant.userId,
        grant,
      })),
    );
    await requireMachineGrantsSignedBy(
      session.userId,
      body.serviceAccountGrants.map((grant, index) => ({
        field: `serviceAccountGrants.${index}`,
        vaultId,
        serviceAccountId: grant.serviceAccountId,
        grant,
      })),
    );
    const offboardings = offboardingRekeySteps(vaultId, body, session.userId);
    const keyVersion = await rotateVault(vaultId, session.userId, body, offboardings.inTransaction);
    for (const userId of body.removeUserIds) {
      await recordAudit({
        action: "vault.unshare",
        actorId: session.userId,
        request,
        vaultId,
        targetType: "user",
        targetId: userId,
      });
    }
    for (const serviceAccountId of body.removeServiceAccountIds) {
      await recordAudit({
        action: "vault.unshare",
        actorId: session.userId,
        request,
        vaultId,
        targetType: "service_account",
        targetId: serviceAccountId,
      });
    }
    await recordAudit({
      action: "vault.rotate",
      actorId: session.userId,
      request,
      vaultId,
      targetType: "vault",
      targetId: vaultId,
      details: {
        keyVersion,
        items: body.items.length,
        members: body.grants.length,
        serviceAccounts: body.serviceAccountGrants.length,
      },
    });
    await offboardings.afterCommit();
    return { keyVersion };
  },
});
