import { getSodium, requireSodium } from "@/lib/crypto";
import type { ServiceAccountDetailResponse } from "@/lib/api/machine";
import type { RekeyServiceAccountResponse } from "@/lib/api/service-account-rekey";
import type { Keyring } from "@/lib/client/keyring";
import { loadContacts, trustStatus } from "@/lib/client/vaults/contacts";
import { vaultStore } from "@/lib/client/vaults/vault-store-instance";
import {
  buildManagerCopy,
  buildServiceAccountRekey,
  type HeldVaultKey,
} from "@/lib/sdk/service-account-rekey";
import { unsealServiceAccountKey } from "@/lib/sdk/service-accounts";
import { personKeys } from "./person-keys";
import { pinServiceAccounts } from "./pins";
import { serviceAccountApi } from "./service-account-api";

export interface RekeyOutcome {
  result: RekeyServiceAccountResponse;
  /** Active managers left off because this person has not confirmed their fingerprint. */
  unconfirmedManagers: string[];
}

/**
 * Re-keys the account on this device. saKey goes only to managers whose keys this person
 * confirmed (the rest can be added again after a fingerprint check); vault grants are re-made
 * for the vaults this person manages and can open here, the others are left for their managers.
 */
export async function rekeyServiceAccount(
  keyring: Keyring,
  detail: ServiceAccountDetailResponse,
): Promise<RekeyOutcome> {
  await getSodium();
  const person = personKeys(keyring);
  const contacts = await loadContacts(keyring, true);
  const others = detail.managers.filter(
    (manager) => manager.active && manager.userId !== person.userId,
  );
  const verified = others.filter(
    (manager) => trustStatus(person, contacts, manager) === "confirmed",
  );
  const request = buildServiceAccountRekey({
    person,
    detail,
    managers: verified,
    vaultKeys: await heldVaultKeys(keyring, detail),
  });
  const result = await serviceAccountApi.rekey(detail.serviceAccount.id, request.request);
  // This person made the new keys: nothing to compare.
  await pinServiceAccounts(
    keyring,
    [{ id: detail.serviceAccount.id, name: detail.serviceAccount.name, ...request.keys }],
    true,
  );
  return {
    result,
    unconfirmedManagers: others
      .filter((manager) => !verified.includes(manager))
      .map((manager) => manager.name || manager.email),
  };
}

/** The current vault keys of the account's vaults that this person manages. */
async function heldVaultKeys(
  keyring: Keyring,
  detail: ServiceAccountDetailResponse,
): Promise<HeldVaultKey[]> {
  const granted = new Set(detail.grants.map((grant) => grant.vaultId));
  // A fresh list (into the tab's store, for every screen): the grants are re-made for each
  // vault's current key version.
  const vaults = await vaultStore(keyring).openedVaults(true);
  return vaults.flatMap(({ summary, key }) =>
    granted.has(summary.id) && summary.role === "manage" && key
      ? [{ vaultId: summary.id, keyVersion: summary.keyVersion, vaultKey: key }]
      : [],
  );
}

/**
 * Seals this manager's saKey to a person whose fingerprint they confirmed. DO NOT fall back to
 * the directory's key for an unconfirmed person: the server would choose who receives saKey.
 */
export async function addServiceAccountManager(
  keyring: Keyring,
  detail: ServiceAccountDetailResponse,
  userId: string,
): Promise<void> {
  await getSodium();
  const person = personKeys(keyring);
  const contacts = await loadContacts(keyring, true);
  const pinned = contacts[userId];
  if (!pinned?.confirmed) {
    throw new Error("Compare this person's fingerprint and confirm it before adding them.");
  }
  const saKey = unsealServiceAccountKey(person, detail);
  try {
    await serviceAccountApi.addManager(
      detail.serviceAccount.id,
      buildManagerCopy(saKey, { userId, boxPublicKey: pinned.boxPublicKey }),
    );
  } finally {
    requireSodium().memzero(saKey);
  }
}
