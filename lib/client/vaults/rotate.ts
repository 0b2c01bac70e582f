import { buildRotationBatch, type RotationMember } from "@/lib/crypto/rotation";
import type { Keyring } from "@/lib/client/keyring";
import {
  accountsKeptThroughRotation,
  sealRotationGrants,
} from "@/lib/client/service-accounts/rotation-grants";
import { loadContacts, pinContacts, trustStatus } from "./contacts";
import { openVault } from "./open-vault";
import { isConflict, vaultApi } from "./vault-api";

const MAX_ATTEMPTS = 3;

/**
 * Moves a vault to a fresh key, optionally removing members (DESIGN.md §11). Everything is
 * rebuilt from fresh data on each attempt: a 409 means someone else rotated or wrote meanwhile.
 * The server applies the batch atomically, so a closed tab leaves the vault as it was and the
 * rotation can simply be started again.
 */
export async function rotateVaultKey(input: {
  keyring: Keyring;
  vaultId: string;
  removeUserIds: string[];
  /** Service accounts that lose access: they keep nothing that opens the new key. */
  removeServiceAccountIds?: string[];
  onProgress: (done: number, total: number) => void;
  /** How many times to build and submit before a 409 is passed on (default 3). */
  maxAttempts?: number;
}): Promise<number> {
  const { keyring, vaultId, removeUserIds } = input;
  const removeServiceAccountIds = input.removeServiceAccountIds ?? [];
  const maxAttempts = input.maxAttempts ?? MAX_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    const detail = await vaultApi.detail(vaultId);
    const opened = await openVault(keyring, detail.vault);
    if (!opened.key) throw new Error("This vault's key cannot be opened on this device.");
    const removed = new Set(removeUserIds);
    const remainingMembers = await remainingWithPinnedKeys(
      keyring,
      detail.members.filter((member) => !removed.has(member.userId)),
    );
    const accounts = await accountsKeptThroughRotation(keyring, vaultId, removeServiceAccountIds);
    const { revisions } = await vaultApi.revisions(vaultId);
    const { batch, newKey } = await buildRotationBatch(
      {
        vaultId,
        currentKeyVersion: detail.vault.keyVersion,
        currentKey: opened.key,
        vaultName: opened.name,
        items: detail.items,
        revisions,
        remainingMembers,
        removeUserIds,
        granterSignPrivateKey: keyring.signKeyPair.privateKey,
      },
      { onProgress: input.onProgress },
    );
    const serviceAccountGrants = sealRotationGrants({
      keyring,
      vaultId,
      keyVersion: detail.vault.keyVersion + 1,
      vaultKey: newKey,
      accounts,
    });
    try {
      const { keyVersion } = await vaultApi.rotate(vaultId, {
        ...batch,
        serviceAccountGrants,
        removeServiceAccountIds,
      });
      return keyVersion;
    } catch (error) {
      if (!isConflict(error) || attempt >= maxAttempts) throw error;
    }
  }
}

/**
 * Refuses the whole rotation if any remaining member's key changed: the new key is never
 * re-sealed silently to a key nobody compared. A member another manager added, whom this
 * device has never seen, is pinned on first use like a granter.
 */
async function remainingWithPinnedKeys(
  keyring: Keyring,
  members: Awaited<ReturnType<typeof vaultApi.detail>>["members"],
): Promise<RotationMember[]> {
  let contacts = await loadContacts(keyring);
  const firstSeen = members.filter(
    (member) => trustStatus(keyring, contacts, member) === "unknown",
  );
  if (firstSeen.length) contacts = await pinContacts(keyring, firstSeen, false);
  const result: RotationMember[] = [];
  for (const member of members) {
    const status = trustStatus(keyring, contacts, member);
    if (status === "self") {
      result.push({ userId: member.userId, role: member.role, boxPublicKey: member.boxPublicKey });
      continue;
    }
    const pinned = contacts[member.userId];
    if ((status !== "confirmed" && status !== "unconfirmed") || !pinned) {
      throw new Error(
        `${member.email}'s keys changed — a manager must re-confirm them before the key can be rotated.`,
      );
    }
    result.push({ userId: member.userId, role: member.role, boxPublicKey: pinned.boxPublicKey });
  }
  return result;
}
