// A manager's side of machine access in Node, for tests and benchmarks: create a service
// account, grant it a vault, mint a token. Every step is the SDK's (lib/sdk/service-accounts.ts),
// as the browser takes them; a refusal throws ApiStatusError, so benchmarks can use it too.
import type { MachineScope } from "../../lib/crypto";
import type { ServiceAccountDetailResponse } from "../../lib/api/machine";
import {
  buildMachineToken,
  buildServiceAccount,
  buildServiceAccountGrant,
  unsealServiceAccountKey,
} from "../../lib/sdk/service-accounts";
import { ApiStatusError, type VaultClient } from "./vault-client";

export interface TestServiceAccount {
  id: string;
  name: string;
  /** Unsealed from the manager's copy, as a manager's device holds it while minting. */
  saKey: Uint8Array;
  /** The box key made at creation: grants seal to it, not to whatever a server lists. */
  boxPublicKey: string;
}

async function expectCreated(
  response: Promise<{ status: number; body: unknown }>,
  what: string,
): Promise<unknown> {
  const answer = await response;
  if (answer.status !== 201) throw new ApiStatusError(answer.status, answer.body, what);
  return answer.body;
}

export async function serviceAccountDetail(
  client: VaultClient,
  serviceAccountId: string,
): Promise<ServiceAccountDetailResponse> {
  const response = await client.api.request(`/api/v1/service-accounts/${serviceAccountId}`);
  if (response.status !== 200) {
    throw new ApiStatusError(response.status, response.body, "service account detail");
  }
  return response.body as ServiceAccountDetailResponse;
}

export async function createServiceAccount(
  manager: VaultClient,
  options: { name?: string; maxTokenTtlSeconds?: number } = {},
): Promise<TestServiceAccount> {
  const request = buildServiceAccount({
    person: manager.personKeys(),
    name: options.name ?? `sa-${Math.random().toString(36).slice(2, 8)}`,
    description: "",
    maxTokenTtlSeconds: options.maxTokenTtlSeconds ?? 3600,
  });
  await expectCreated(
    manager.api.request("/api/v1/service-accounts", { json: request }),
    "create service account",
  );
  const detail = await serviceAccountDetail(manager, request.id);
  return {
    id: request.id,
    name: request.name,
    saKey: unsealServiceAccountKey(manager.personKeys(), detail),
    boxPublicKey: request.keys.boxPublicKey,
  };
}

/** Seals the vault's current key to the account and signs the grant, as a vault manager. */
export async function grantServiceAccount(
  manager: VaultClient,
  account: TestServiceAccount,
  vaultId: string,
  scope: MachineScope,
): Promise<void> {
  const detail = await serviceAccountDetail(manager, account.id);
  const { key, keyVersion } = await manager.current(vaultId);
  const grant = buildServiceAccountGrant({
    person: manager.personKeys(),
    saKey: account.saKey,
    detail,
    accountBoxPublicKey: account.boxPublicKey,
    vaultId,
    vaultKey: key,
    keyVersion,
    scope,
  });
  await expectCreated(
    manager.api.request(`/api/v1/vaults/${vaultId}/service-accounts`, { json: grant }),
    "grant service account",
  );
}

/** A token for the account, its saKey wrapped on the manager's side; the text is shown once. */
export async function mintToken(
  manager: VaultClient,
  account: TestServiceAccount,
  options: Partial<Omit<Parameters<typeof buildMachineToken>[0], "saKey">> = {},
): Promise<{ token: string; tokenId: string }> {
  const { token, request } = buildMachineToken({
    saKey: account.saKey,
    kind: "sa",
    ttlSeconds: 600,
    ...options,
  });
  await expectCreated(
    manager.api.request(`/api/v1/service-accounts/${account.id}/tokens`, { json: request }),
    "mint token",
  );
  return { token, tokenId: request.id };
}
