import {
  acceptGrant,
  CryptoError,
  decryptItem,
  decryptVaultName,
  fromBase64Url,
  type ItemPlaintext,
  type RevisionGuard,
} from "@/lib/crypto";
import type { ItemDto, MemberDto, VaultSummaryDto } from "@/lib/api/vault";
import { trustStatus, type TrustStatus } from "./contacts";
import { VaultAccessError, type VaultAccessProblem } from "./errors";
import type { VaultSession } from "./vault-session";
import { yieldToBrowser } from "../yield-to-browser";

export const INTEGRITY_MESSAGE =
  "This item failed its integrity check — the server may have tampered with it.";

export type AcceptedVault = {
  key: Uint8Array;
  name: string;
  /** The granter's key was pinned on first use, not compared by anyone yet. */
  granterUnconfirmed: boolean;
};

/**
 * This person's vault key from their grant. DO NOT bypass the trust decision: a grant is
 * accepted only from ourselves or from a pinned contact whose key still matches; a first-seen
 * granter is pinned (unconfirmed) only when the session allows it, and a changed key stops
 * everything (DESIGN.md §8, §10). A vault served at an older key version than this device has
 * seen is refused. Throws VaultAccessError or CryptoError.
 */
export async function acceptVault(
  session: VaultSession,
  summary: VaultSummaryDto,
): Promise<AcceptedVault> {
  const { person } = session;
  const grant = summary.grant;
  if (!grant) throw new VaultAccessError({ kind: "no-grant" });
  let contacts = await session.contacts.load();
  let status = trustStatus(person, contacts, grant.granter);
  if (status === "unknown" && session.firstSeen === "pin") {
    contacts = await session.contacts.pin([grant.granter], false);
    status = trustStatus(person, contacts, grant.granter);
  }
  if (status === "changed" || status === "invalid") {
    throw new VaultAccessError({ kind: "keys-changed", email: grant.granter.email });
  }
  const pinned = contacts[grant.granter.userId];
  const granterSignPublicKey =
    status === "self"
      ? person.signKeyPair.publicKey
      : fromBase64Url(pinned?.signPublicKey ?? grant.granter.signPublicKey);
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
    // An unpinned granter (only possible when first-seen keys are refused) fails here.
    trusted: status === "self" || status === "confirmed" || status === "unconfirmed",
    boxKeyPair: person.boxKeyPair,
    expectedUserId: person.userId,
  });
  if (grant.keyVersion !== summary.keyVersion) throw new CryptoError("grant key version");
  await session.revisions.checkKeyVersion(summary.id, summary.keyVersion);
  const name = decryptVaultName(key, summary.encryptedName, summary.id, summary.keyVersion);
  return { key, name, granterUnconfirmed: status === "unconfirmed" };
}

export type OpenedVault = {
  summary: VaultSummaryDto;
  key: Uint8Array | null;
  name: string;
  problem: VaultAccessProblem | null;
  granterUnconfirmed: boolean;
};

/** acceptVault for a screen: a refusal becomes a problem to show, not an exception. */
export async function openVault(
  session: VaultSession,
  summary: VaultSummaryDto,
): Promise<OpenedVault> {
  const base = { summary, key: null, name: "Locked vault", granterUnconfirmed: false };
  try {
    return { summary, problem: null, ...(await acceptVault(session, summary)) };
  } catch (error) {
    if (error instanceof VaultAccessError) return { ...base, problem: error.problem };
    if (error instanceof CryptoError) return { ...base, problem: { kind: "integrity" } };
    throw error;
  }
}

/**
 * One item, decrypted under its own AD and checked against the highest revision seen: a
 * swapped, relabelled or rolled-back item throws CryptoError.
 */
export function openItem(
  guard: RevisionGuard,
  vaultId: string,
  key: Uint8Array,
  dto: ItemDto,
): ItemPlaintext {
  const plaintext = decryptItem(key, dto.ciphertext, {
    vaultId,
    itemId: dto.id,
    keyVersion: dto.keyVersion,
    revision: dto.revision,
  });
  guard.check(dto.id, dto.revision);
  return plaintext;
}

export type DecryptedItem = {
  dto: ItemDto;
  plaintext: ItemPlaintext | null;
  error: string | null;
};

export interface DecryptItemsOptions {
  onProgress?: (done: number, total: number) => void;
  /**
   * false leaves the revision marks to be written by the caller (`saveRevisions`): a vault read
   * page by page writes them once at its end, not once per page. They are enforced in memory
   * either way.
   */
  saveRevisions?: boolean;
}

/** Decrypts every item, refusing (one by one) any that fails its check or was rolled back. */
export async function decryptItems(
  session: VaultSession,
  vaultId: string,
  key: Uint8Array,
  items: ItemDto[],
  { onProgress, saveRevisions: save = true }: DecryptItemsOptions = {},
): Promise<DecryptedItem[]> {
  const guard = await session.revisions.items();
  const result: DecryptedItem[] = [];
  const loopStarted = performance.now();
  let sliceStarted = loopStarted;
  let workMs = 0;
  for (const [index, dto] of items.entries()) {
    result.push(decryptOne(guard, vaultId, key, dto));
    // Yield after every ~30 ms of work, so a vault of thousands of items keeps a page
    // responsive without paying for a yield (and a progress render) every few items; the
    // caller's merge and render of the page may follow the last slice in the same task.
    if (performance.now() - sliceStarted > 30) {
      workMs += performance.now() - sliceStarted;
      onProgress?.(index + 1, items.length);
      await yieldToBrowser();
      sliceStarted = performance.now();
    }
  }
  workMs += performance.now() - sliceStarted;
  // Decryption work alone, without the yields between slices: read by the vault benchmark.
  performance.measure("coffer:vault-decrypt", { start: loopStarted, duration: workMs });
  onProgress?.(items.length, items.length);
  if (save) await session.revisions.save();
  return result;
}

/** Writes the revision marks decryptItems recorded with `saveRevisions: false`. */
export function saveRevisions(session: VaultSession): Promise<void> {
  return session.revisions.save();
}

function decryptOne(
  guard: RevisionGuard,
  vaultId: string,
  key: Uint8Array,
  dto: ItemDto,
): DecryptedItem {
  try {
    return { dto, plaintext: openItem(guard, vaultId, key, dto), error: null };
  } catch (error) {
    if (error instanceof CryptoError) return { dto, plaintext: null, error: INTEGRITY_MESSAGE };
    throw error;
  }
}

/** Records a revision we wrote ourselves, so the server cannot later serve the one before it. */
export async function rememberRevision(session: VaultSession, itemId: string, revision: number) {
  (await session.revisions.items()).check(itemId, revision);
  await session.revisions.save();
}

export type MemberTrust = TrustStatus;

export async function memberTrust(
  session: VaultSession,
  members: MemberDto[],
): Promise<Map<string, MemberTrust>> {
  const contacts = await session.contacts.load();
  return new Map(
    members.map((member) => [member.userId, trustStatus(session.person, contacts, member)]),
  );
}
