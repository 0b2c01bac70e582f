import { route } from "@/lib/server/route";
import { rekeyServiceAccountRequest } from "@/lib/api/service-account-rekey";
import { rekeyServiceAccount } from "@/lib/server/machines/rekey-service-account";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

// New keys and saKey made on the manager's device replace the old ones, and every old token
// is revoked, in one transaction: after someone who held saKey left, nothing they could have
// copied opens the account again.
export const POST = route({
  access: "session",
  body: rekeyServiceAccountRequest,
  handler: async ({ session, params, body, request }) => {
    const result = await rekeyServiceAccount(session, params.serviceAccountId ?? "", body);
    await recordAudit({
      action: "service_account.rekey",
      actorId: session.userId,
      request,
      targetType: "service_account",
      targetId: result.serviceAccountId,
      details: {
        revokedTokens: result.revokedTokens,
        regrantedVaults: result.regrantedVaultIds.length,
        droppedGrants: result.droppedGrants.length,
        removedManagers: result.removedManagerIds.length,
      },
    });
    return result;
  },
});
