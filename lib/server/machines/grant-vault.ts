import "server-only";
import type { GrantServiceAccountRequest } from "@/lib/api/machine";
import { badRequest, conflict, HttpError } from "../errors";
import { canManageVault } from "../policies";
import type { SessionContext } from "../session";
import { insertMachineGrant } from "../data/machine-vaults";
import { requireMachineGrantsSignedBy } from "../vaults/grant-signatures";
import { requireManagesServiceAccount } from "./service-accounts";

/**
 * A person who manages both the vault and the service account seals the vault key to the
 * account. Managing the account is required because only its managers hold saKey, and so only
 * they can put themselves on the trusted-granters list the machine checks.
 */
export async function grantVaultToServiceAccount(
  session: SessionContext,
  vaultId: string,
  request: GrantServiceAccountRequest,
) {
  await canManageVault(session, vaultId);
  // The account is named in the body, not the path: an unknown one is a bad request.
  const { account } = await requireManagesServiceAccount(session, request.serviceAccountId).catch(
    (error: unknown) => {
      throw error instanceof HttpError && error.status === 404
        ? badRequest("No such service account.", "serviceAccountId")
        : error;
    },
  );
  if (account.status !== "active") {
    throw conflict("This service account is disabled: enable it before granting vaults.");
  }
  if (request.grant.boxPublicKey !== account.boxPublicKey) {
    throw badRequest("The grant is sealed to another key.", "grant.boxPublicKey");
  }
  await requireMachineGrantsSignedBy(session.userId, [
    { field: "grant", vaultId, serviceAccountId: account.id, grant: request.grant },
  ]);
  const outcome = await insertMachineGrant({
    vaultId,
    serviceAccountId: account.id,
    granterId: session.userId,
    grant: request.grant,
    trustedGranters: request.trustedGranters,
  });
  if (outcome === "stale_key") {
    throw conflict("The vault key changed meanwhile; reload and retry.");
  }
  if (outcome === "stale_trust") {
    throw conflict("The account's trusted granters changed meanwhile; reload and retry.");
  }
  return { serviceAccountId: account.id, serviceAccountName: account.name };
}
