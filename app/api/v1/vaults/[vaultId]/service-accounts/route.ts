import { route } from "@/lib/server/route";
import { grantServiceAccountRequest } from "@/lib/api/machine";
import { grantVaultToServiceAccount } from "@/lib/server/machines/grant-vault";
import { serviceAccountsOfVault } from "@/lib/server/machines/vault-service-accounts";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ session, params }) => ({
    serviceAccounts: await serviceAccountsOfVault(session, params.vaultId ?? ""),
  }),
});

// Removing a service account from a vault goes through rotation (removeServiceAccountIds),
// as for people: the key it held must stop opening anything new.
export const POST = route({
  access: "session",
  body: grantServiceAccountRequest,
  status: 201,
  handler: async ({ session, params, body, request }) => {
    const vaultId = params.vaultId ?? "";
    const granted = await grantVaultToServiceAccount(session, vaultId, body);
    await recordAudit({
      action: "service_account.grant",
      actorId: session.userId,
      request,
      vaultId,
      targetType: "service_account",
      targetId: granted.serviceAccountId,
      details: { scope: body.grant.scope, keyVersion: body.grant.keyVersion },
    });
    return granted;
  },
});
