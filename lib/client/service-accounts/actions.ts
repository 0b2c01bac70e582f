import { getSodium, requireSodium, type MachineScope, type MachineTokenKind } from "@/lib/crypto";
import type { MachineTokenDto, ServiceAccountDetailResponse } from "@/lib/api/machine";
import type { Keyring } from "@/lib/client/keyring";
import { loadContacts } from "@/lib/client/vaults/contacts";
import { vaultStore } from "@/lib/client/vaults/vault-store-instance";
import {
  buildMachineToken,
  buildServiceAccount,
  buildServiceAccountGrant,
  unsealServiceAccountKey,
} from "@/lib/sdk/service-accounts";
import { personKeys } from "./person-keys";
import { pinnedAccountBoxKey, pinServiceAccounts } from "./pins";
import { serviceAccountApi } from "./service-account-api";

/**
 * Made on this device: the account's keys never exist anywhere else in the clear. The creator
 * pins the account at once (they made its keys, so there is nothing to compare).
 */
export async function createServiceAccount(
  keyring: Keyring,
  input: { name: string; description: string; maxTokenTtlSeconds: number },
): Promise<string> {
  await getSodium();
  const request = buildServiceAccount({ person: personKeys(keyring), ...input });
  const { id } = await serviceAccountApi.create(request);
  await pinServiceAccounts(keyring, [{ id, name: request.name, ...request.keys }], true);
  return id;
}

/** saKey lives only for the one operation that needs it. */
async function withSaKey<T>(
  keyring: Keyring,
  detail: ServiceAccountDetailResponse,
  operation: (saKey: Uint8Array) => Promise<T>,
): Promise<T> {
  await getSodium();
  const saKey = unsealServiceAccountKey(personKeys(keyring), detail);
  try {
    return await operation(saKey);
  } finally {
    requireSodium().memzero(saKey);
  }
}

/**
 * Seals the vault key to the account's box key as this person pinned it after comparing the
 * fingerprint — never to the key in the server's answer.
 */
export async function grantVaultToAccount(input: {
  keyring: Keyring;
  detail: ServiceAccountDetailResponse;
  vaultId: string;
  scope: MachineScope;
}): Promise<void> {
  const { keyring, detail, vaultId, scope } = input;
  const account = detail.serviceAccount;
  const accountBoxPublicKey = pinnedAccountBoxKey(
    await loadContacts(keyring),
    account,
    "confirmed",
  );
  // The tab's opened copy of the vault, the one its screens share; the server refuses a grant
  // made for a key version that is no longer the vault's.
  const { detail: vault, opened } = await vaultStore(keyring).loadedVault(vaultId);
  if (!opened.key) throw new Error("This vault's key cannot be opened on this device.");
  const vaultKey = opened.key;
  await withSaKey(keyring, detail, (saKey) =>
    serviceAccountApi.grantVault(
      vaultId,
      buildServiceAccountGrant({
        person: personKeys(keyring),
        saKey,
        detail,
        accountBoxPublicKey,
        vaultId,
        vaultKey,
        keyVersion: vault.vault.keyVersion,
        scope,
      }),
    ),
  );
}

export type TokenOptions = {
  kind: MachineTokenKind;
  name: string;
  ttlSeconds: number;
  maxUses: number | null;
  allowedCidrs: string[];
  vaultIds: string[];
  readOnly: boolean;
};

/** The token text exists only in this tab, to be shown once; the server gets its hash. */
export async function createToken(
  keyring: Keyring,
  detail: ServiceAccountDetailResponse,
  options: TokenOptions,
): Promise<{ token: string; dto: MachineTokenDto }> {
  return withSaKey(keyring, detail, async (saKey) => {
    const { token, request } = buildMachineToken({ saKey, ...options });
    const dto = await serviceAccountApi.createToken(detail.serviceAccount.id, request);
    return { token, dto };
  });
}
