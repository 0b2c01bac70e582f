import "server-only";
import { verifyServiceAccountBundle } from "@/lib/crypto/service-account-keys";
import type {
  RekeyServiceAccountRequest,
  RekeyServiceAccountResponse,
} from "@/lib/api/service-account-rekey";
import { badRequest, conflict } from "../errors";
import { canManageVault } from "../policies";
import type { SessionContext } from "../session";
import { findBundles } from "../data/service-accounts";
import { replaceServiceAccountKeys } from "../data/service-account-rekey";
import { requireMachineGrantsSignedBy } from "../vaults/grant-signatures";
import { requireVisibleServiceAccount } from "./service-accounts";

/**
 * Re-keys a service account (DESIGN.md "Machines": a person who held saKey left). A manager
 * or an admin may: the new saKey is made on their device, so they need no copy of the old one,
 * but they must be among the new managers. Every manager kept must be an active manager today;
 * every re-made grant must be to a vault the account holds, with the same scope, sealed to the
 * new box key, signed by the caller, who manages that vault.
 */
export async function rekeyServiceAccount(
  session: SessionContext,
  serviceAccountId: string,
  request: RekeyServiceAccountRequest,
): Promise<RekeyServiceAccountResponse> {
  // Visible means managed by the caller or the caller is an admin; anyone else gets 404.
  const { account, grants } = await requireVisibleServiceAccount(session, serviceAccountId);
  requireNewSelfSignedKeys(account, request);
  const removedManagerIds = await requireKeptManagers(session, account.managers, request);
  const liveScopes = new Map(grants.map((grant) => [grant.vaultId, grant.scope]));
  await requireRemadeGrants(session, account.id, request, liveScopes);

  const result = await replaceServiceAccountKeys({
    serviceAccountId: account.id,
    request,
    actorId: session.userId,
  });
  if (result.outcome === "stale_trust") {
    throw conflict("The account changed meanwhile (re-keyed or granted); reload and retry.");
  }
  if (result.outcome === "stale_key") {
    throw conflict("A vault's key changed meanwhile; reload and retry.");
  }
  const regranted = new Set(request.grants.map((grant) => grant.vaultId));
  return {
    serviceAccountId: account.id,
    revokedTokens: result.revokedTokens,
    regrantedVaultIds: [...regranted],
    droppedGrants: grants
      .filter((grant) => !regranted.has(grant.vaultId))
      .map((grant) => ({ vaultId: grant.vaultId, scope: grant.scope })),
    removedManagerIds,
  };
}

function requireNewSelfSignedKeys(
  account: { id: string; boxPublicKey: string; signPublicKey: string },
  request: RekeyServiceAccountRequest,
) {
  const { keys } = request;
  if (keys.boxPublicKey === account.boxPublicKey) {
    throw badRequest("A re-key needs a new box key.", "keys.boxPublicKey");
  }
  if (keys.signPublicKey === account.signPublicKey) {
    throw badRequest("A re-key needs a new signing key.", "keys.signPublicKey");
  }
  const bundle = {
    serviceAccountId: account.id,
    signPublicKey: keys.signPublicKey,
    boxPublicKey: keys.boxPublicKey,
  };
  if (!verifyServiceAccountBundle(bundle, keys.bundleSignature)) {
    throw badRequest("The account's keys are not self-signed.", "keys.bundleSignature");
  }
}

/** The managers kept: active managers of today (and the caller), each once. Returns who is dropped. */
async function requireKeptManagers(
  session: SessionContext,
  current: Array<{ userId: string }>,
  request: RekeyServiceAccountRequest,
): Promise<string[]> {
  const kept = request.managers.map((manager) => manager.userId);
  if (new Set(kept).size !== kept.length) {
    throw badRequest("Each manager may appear once.", "managers");
  }
  if (!kept.includes(session.userId)) {
    throw badRequest("You must be one of the account's managers.", "managers");
  }
  const people = await findBundles([...current.map((manager) => manager.userId), session.userId]);
  const active = new Set(
    people.filter((person) => person.status === "active").map((person) => person.id),
  );
  const managerIds = new Set(current.map((manager) => manager.userId));
  for (const [index, userId] of kept.entries()) {
    const allowed = userId === session.userId || managerIds.has(userId);
    if (!allowed || !active.has(userId)) {
      throw badRequest(
        "Only active managers of the account (and you) can be given the new key.",
        `managers.${index}.userId`,
      );
    }
  }
  return [...managerIds].filter((userId) => !kept.includes(userId));
}

async function requireRemadeGrants(
  session: SessionContext,
  serviceAccountId: string,
  request: RekeyServiceAccountRequest,
  liveScopes: Map<string, "read" | "readwrite">,
) {
  const seen = new Set<string>();
  for (const [index, grant] of request.grants.entries()) {
    const field = `grants.${index}`;
    const scope = liveScopes.get(grant.vaultId);
    if (!scope || seen.has(grant.vaultId)) {
      throw badRequest("Only the account's current vaults, each once.", `${field}.vaultId`);
    }
    seen.add(grant.vaultId);
    if (grant.scope !== scope) {
      throw badRequest("A re-key keeps each vault's scope.", `${field}.scope`);
    }
    if (grant.boxPublicKey !== request.keys.boxPublicKey) {
      throw badRequest("The grant is sealed to another key.", `${field}.boxPublicKey`);
    }
    await canManageVault(session, grant.vaultId);
  }
  await requireMachineGrantsSignedBy(
    session.userId,
    request.grants.map(({ vaultId, ...grant }, index) => ({
      field: `grants.${index}`,
      vaultId,
      serviceAccountId,
      grant,
    })),
  );
}
