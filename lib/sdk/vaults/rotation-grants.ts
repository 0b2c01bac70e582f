import {
  decryptTrustedGranters,
  fromBase64Url,
  requireSodium,
  sealVaultKey,
  signServiceAccountGrant,
  toBase64Url,
  type MachineScope,
} from "@/lib/crypto";
import type { RotateVaultInput } from "@/lib/api/vault";
import type { VaultServiceAccountDto } from "@/lib/api/vault-service-accounts";
import { unsealServiceAccountKey, type PersonKeys } from "../service-accounts";
import { accountTrust, pinnedAccountBoxKey, pinServiceAccounts } from "./service-account-pins";
import type { VaultSession } from "./vault-session";

export type RotationAccount = {
  id: string;
  scope: MachineScope;
  /** From this person's pin, never from the server's answer. */
  boxPublicKey: string;
};

/** A rotation this person cannot complete alone: the accounts it names need their managers. */
export class ServiceAccountRegrantError extends Error {
  constructor(readonly accounts: VaultServiceAccountDto[]) {
    super(regrantMessage(accounts));
    this.name = "ServiceAccountRegrantError";
  }
}

function regrantMessage(accounts: VaultServiceAccountDto[]): string {
  const names = accounts.map((account) => `"${account.name}"`).join(", ");
  const managers = [
    ...new Set(accounts.flatMap((account) => account.managers.map((person) => person.email))),
  ];
  const who = managers.length ? managers.join(", ") : "an admin";
  return (
    `The service account${accounts.length > 1 ? "s" : ""} ${names} can read this vault, and only ` +
    `${who} can give ${accounts.length > 1 ? "them" : "it"} the new key. Ask them to rotate, ` +
    `or remove ${names} from this vault's members, which rotates the key without ` +
    `${accounts.length > 1 ? "them" : "it"} (its managers can grant it again later).`
  );
}

/**
 * The accounts that keep access through a rotation, each checked like a remaining member:
 * a changed key stops the rotation, a first-seen one is pinned on first use (when the session
 * allows it). Only a manager of an account can re-grant it, because the machine accepts grants
 * only from the granters listed under its saKey
 * (docs/decisions/0018-service-account-rotation.md).
 */
export async function accountsKeptThroughRotation(
  session: VaultSession,
  vaultId: string,
  removeServiceAccountIds: string[],
): Promise<RotationAccount[]> {
  const removed = new Set(removeServiceAccountIds);
  const { serviceAccounts } = await session.api.serviceAccountsOf(vaultId);
  const kept = serviceAccounts.filter((account) => !removed.has(account.id));
  if (!kept.length) return [];
  const unmanaged = kept.filter((account) => !account.manages);
  if (unmanaged.length) throw new ServiceAccountRegrantError(unmanaged);
  let contacts = await session.contacts.load();
  const firstSeen = kept.filter((account) => accountTrust(contacts, account) === "unknown");
  if (firstSeen.length && session.firstSeen === "pin") {
    contacts = await pinServiceAccounts(session.contacts, firstSeen, false);
  }
  const result: RotationAccount[] = [];
  for (const account of kept) {
    const boxPublicKey = pinnedAccountBoxKey(contacts, account, "pinned");
    await requireListedGranter(session, account);
    result.push({ id: account.id, scope: account.scope, boxPublicKey });
  }
  return result;
}

/** A grant from someone the machine does not trust would be refused by it: say so now. */
async function requireListedGranter(session: VaultSession, account: VaultServiceAccountDto) {
  const { person } = session;
  const detail = await session.api.serviceAccountDetail(account.id);
  const saKey = unsealServiceAccountKey(person, detail);
  try {
    const trusted = decryptTrustedGranters(
      saKey,
      detail.serviceAccount.trustedGranters,
      account.id,
      detail.serviceAccount.trustedGrantersRevision,
    );
    const ownKey = toBase64Url(person.signKeyPair.publicKey);
    if (
      !trusted.some((entry) => entry.userId === person.userId && entry.signPublicKey === ownKey)
    ) {
      throw new Error(
        `"${account.name}" does not yet trust your grants. Grant it any vault once from its page, then rotate again.`,
      );
    }
  } finally {
    requireSodium().memzero(saKey);
  }
}

/** The new key sealed and signed for every account that keeps access. */
export function sealRotationGrants(input: {
  person: PersonKeys;
  vaultId: string;
  keyVersion: number;
  vaultKey: Uint8Array;
  accounts: RotationAccount[];
}): NonNullable<RotateVaultInput["serviceAccountGrants"]> {
  return input.accounts.map((account) => {
    const sealedKey = sealVaultKey(input.vaultKey, fromBase64Url(account.boxPublicKey));
    const grant = {
      vaultId: input.vaultId,
      serviceAccountId: account.id,
      keyVersion: input.keyVersion,
      scope: account.scope,
      boxPublicKey: account.boxPublicKey,
      sealedKey,
    };
    return {
      serviceAccountId: account.id,
      keyVersion: grant.keyVersion,
      scope: grant.scope,
      boxPublicKey: grant.boxPublicKey,
      sealedKey,
      signature: signServiceAccountGrant(input.person.signKeyPair.privateKey, grant),
    };
  });
}
