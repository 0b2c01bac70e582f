import { buildRotationBatch, type RotationMember } from "@/lib/crypto";
import type { MemberDto, RotateVaultInput } from "@/lib/api/vault";
import { trustStatus } from "./contacts";
import { isConflict } from "./errors";
import { openVault } from "./open-vault";
import { accountsKeptThroughRotation, sealRotationGrants } from "./rotation-grants";
import type { VaultSession } from "./vault-session";

const MAX_ATTEMPTS = 3;

export type PreparedRotation = {
  /** What POST …/rotate takes: every item re-encrypted, every kept member and account re-granted. */
  batch: RotateVaultInput;
  newKey: Uint8Array;
  keyVersion: number;
};

/**
 * One rotation attempt built from fresh data (DESIGN.md §11): the current key from our own
 * grant, every item and stored revision re-encrypted under key version k+1, and the new key
 * sealed to every remaining member and service account as this person pinned them.
 */
export async function prepareRotation(
  session: VaultSession,
  input: {
    vaultId: string;
    removeUserIds: string[];
    /** Service accounts that lose access: they keep nothing that opens the new key. */
    removeServiceAccountIds?: string[];
    onProgress?: (done: number, total: number) => void;
  },
): Promise<PreparedRotation> {
  const { vaultId, removeUserIds } = input;
  const removeServiceAccountIds = input.removeServiceAccountIds ?? [];
  const detail = await session.api.detail(vaultId);
  const opened = await openVault(session, detail.vault);
  if (!opened.key) throw new Error("This vault's key cannot be opened on this device.");
  const removed = new Set(removeUserIds);
  const remainingMembers = await remainingWithPinnedKeys(
    session,
    detail.members.filter((member) => !removed.has(member.userId)),
  );
  const accounts = await accountsKeptThroughRotation(session, vaultId, removeServiceAccountIds);
  const { revisions } = await session.api.revisions(vaultId);
  const keyVersion = detail.vault.keyVersion + 1;
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
      granterSignPrivateKey: session.person.signKeyPair.privateKey,
    },
    { onProgress: input.onProgress },
  );
  const serviceAccountGrants = sealRotationGrants({
    person: session.person,
    vaultId,
    keyVersion,
    vaultKey: newKey,
    accounts,
  });
  return { batch: { ...batch, serviceAccountGrants, removeServiceAccountIds }, newKey, keyVersion };
}

/**
 * Moves a vault to a fresh key, optionally removing members. Everything is rebuilt from fresh
 * data on each attempt: a 409 means someone else rotated or wrote meanwhile. The server applies
 * the batch atomically, so an interrupted client leaves the vault as it was and the rotation
 * can simply be started again.
 */
export async function rotateVaultKey(
  session: VaultSession,
  input: {
    vaultId: string;
    removeUserIds: string[];
    removeServiceAccountIds?: string[];
    onProgress?: (done: number, total: number) => void;
    /** How many times to build and submit before a 409 is passed on (default 3). */
    maxAttempts?: number;
  },
): Promise<number> {
  const maxAttempts = input.maxAttempts ?? MAX_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    const { batch } = await prepareRotation(session, input);
    try {
      const { keyVersion } = await session.api.rotate(input.vaultId, batch);
      return keyVersion;
    } catch (error) {
      if (!isConflict(error) || attempt >= maxAttempts) throw error;
    }
  }
}

/**
 * Refuses the whole rotation if any remaining member's key changed: the new key is never
 * re-sealed silently to a key nobody compared. A member another manager added, whom this
 * device has never seen, is pinned on first use like a granter (when the session allows it).
 */
async function remainingWithPinnedKeys(
  session: VaultSession,
  members: MemberDto[],
): Promise<RotationMember[]> {
  const { person } = session;
  let contacts = await session.contacts.load();
  const firstSeen = members.filter((member) => trustStatus(person, contacts, member) === "unknown");
  if (firstSeen.length && session.firstSeen === "pin") {
    contacts = await session.contacts.pin(firstSeen, false);
  }
  const result: RotationMember[] = [];
  for (const member of members) {
    const status = trustStatus(person, contacts, member);
    if (status === "self") {
      result.push({ userId: member.userId, role: member.role, boxPublicKey: member.boxPublicKey });
      continue;
    }
    const pinned = contacts[member.userId];
    if ((status !== "confirmed" && status !== "unconfirmed") || !pinned) {
      throw new Error(
        status === "unknown"
          ? `Compare ${member.email}'s fingerprint before the key can be rotated.`
          : `${member.email}'s keys changed — a manager must re-confirm them before the key can be rotated.`,
      );
    }
    result.push({ userId: member.userId, role: member.role, boxPublicKey: pinned.boxPublicKey });
  }
  return result;
}
