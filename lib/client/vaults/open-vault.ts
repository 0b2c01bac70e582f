import {
  acceptGrant,
  CryptoError,
  decryptItem,
  decryptVaultName,
  fromBase64Url,
  getSodium,
  type ItemPlaintext,
} from "@/lib/crypto";
import type { Keyring } from "@/lib/client/keyring";
import type { ItemDto, MemberDto, VaultSummaryDto } from "@/lib/api/vault";
import { loadContacts, pinContact, trustStatus } from "./contacts";
import { persistRevisionGuard, revisionGuard } from "./revision-store";

export const INTEGRITY_MESSAGE =
  "This item failed its integrity check — the server may have tampered with it.";
export const KEYS_CHANGED_MESSAGE = "This person's keys changed — a manager must re-confirm them.";

export type VaultAccessProblem =
  { kind: "keys-changed"; email: string } | { kind: "no-grant" } | { kind: "integrity" };

export type OpenedVault = {
  summary: VaultSummaryDto;
  key: Uint8Array | null;
  name: string;
  problem: VaultAccessProblem | null;
  /** The granter's key was pinned on first use, not compared by anyone yet. */
  granterUnconfirmed: boolean;
};

export type DecryptedItem = {
  dto: ItemDto;
  plaintext: ItemPlaintext | null;
  error: string | null;
};

/**
 * Opens this user's grant for a vault. DO NOT bypass the trust decision: a grant is accepted
 * only from ourselves or from a pinned contact whose key still matches; a first-seen granter is
 * pinned (unconfirmed) on first use, and a changed key stops everything (DESIGN.md §8, §10).
 */
export async function openVault(keyring: Keyring, summary: VaultSummaryDto): Promise<OpenedVault> {
  await getSodium();
  const grant = summary.grant;
  const base = { summary, key: null, name: "Locked vault", granterUnconfirmed: false };
  if (!grant) return { ...base, problem: { kind: "no-grant" } };
  let contacts = await loadContacts(keyring);
  let status = trustStatus(keyring, contacts, grant.granter);
  if (status === "unknown") {
    contacts = await pinContact(keyring, grant.granter, false);
    status = trustStatus(keyring, contacts, grant.granter);
  }
  if (status === "changed" || status === "invalid" || status === "unknown") {
    return { ...base, problem: { kind: "keys-changed", email: grant.granter.email } };
  }
  const granterSignPublicKey =
    status === "self"
      ? keyring.signKeyPair.publicKey
      : fromBase64Url(contacts[grant.granter.userId]?.signPublicKey ?? "");
  try {
    const key = acceptGrant({
      grant: {
        vaultId: summary.id,
        userId: grant.userId,
        keyVersion: grant.keyVersion,
        role: grant.role,
        memberBoxPublicKey: grant.memberBoxPublicKey,
        sealedKey: grant.sealedKey,
      },
      signature: grant.signature,
      granterSignPublicKey,
      trusted: true,
      boxKeyPair: keyring.boxKeyPair,
      expectedUserId: keyring.userId,
    });
    if (grant.keyVersion !== summary.keyVersion) {
      return { ...base, problem: { kind: "integrity" } };
    }
    const name = decryptVaultName(key, summary.encryptedName, summary.id, summary.keyVersion);
    return { summary, key, name, problem: null, granterUnconfirmed: status === "unconfirmed" };
  } catch (error) {
    if (error instanceof CryptoError) return { ...base, problem: { kind: "integrity" } };
    throw error;
  }
}

/** Decrypts every item, refusing any the server rolled back to an older revision. */
export async function decryptItems(
  keyring: Keyring,
  vaultId: string,
  key: Uint8Array,
  items: ItemDto[],
  onProgress?: (done: number, total: number) => void,
): Promise<DecryptedItem[]> {
  const guard = await revisionGuard(keyring.userId);
  const result: DecryptedItem[] = [];
  const loopStarted = performance.now();
  let sliceStarted = loopStarted;
  let workMs = 0;
  for (const [index, dto] of items.entries()) {
    result.push(decryptOne(guard, vaultId, key, dto));
    // Yield after every ~50 ms of work, so a vault of thousands of items keeps the page
    // responsive without paying for a yield (and a progress render) every few items.
    if (performance.now() - sliceStarted > 50) {
      workMs += performance.now() - sliceStarted;
      onProgress?.(index + 1, items.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStarted = performance.now();
    }
  }
  workMs += performance.now() - sliceStarted;
  // Decryption work alone, without the yields between slices: read by the vault benchmark.
  performance.measure("coffer:vault-decrypt", { start: loopStarted, duration: workMs });
  onProgress?.(items.length, items.length);
  persistRevisionGuard(keyring.userId);
  return result;
}

function decryptOne(
  guard: Awaited<ReturnType<typeof revisionGuard>>,
  vaultId: string,
  key: Uint8Array,
  dto: ItemDto,
): DecryptedItem {
  try {
    const plaintext = decryptItem(key, dto.ciphertext, {
      vaultId,
      itemId: dto.id,
      keyVersion: dto.keyVersion,
      revision: dto.revision,
    });
    guard.check(dto.id, dto.revision);
    return { dto, plaintext, error: null };
  } catch (error) {
    if (error instanceof CryptoError) return { dto, plaintext: null, error: INTEGRITY_MESSAGE };
    throw error;
  }
}

/** Records a revision we wrote ourselves, so the server cannot later serve the one before it. */
export async function rememberRevision(userId: string, itemId: string, revision: number) {
  const guard = await revisionGuard(userId);
  guard.check(itemId, revision);
  persistRevisionGuard(userId);
}

export type MemberTrust = ReturnType<typeof trustStatus>;

export async function memberTrust(
  keyring: Keyring,
  members: MemberDto[],
): Promise<Map<string, MemberTrust>> {
  const contacts = await loadContacts(keyring);
  return new Map(members.map((member) => [member.userId, trustStatus(keyring, contacts, member)]));
}
