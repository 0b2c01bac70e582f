import { fromBase64Url } from "./base64url";
import { openEnvelope, sealEnvelope } from "./envelope";
import { itemAd } from "./items";
import {
  encryptVaultName,
  newVaultKey,
  sealVaultKey,
  signGrant,
  type Grant,
  type VaultRole,
} from "./vault-keys";

export interface RotationMember {
  userId: string;
  role: VaultRole;
  /** base64url; the caller has already verified the bundle it came from (and pinned it). */
  boxPublicKey: string;
}

export interface RotationInput {
  vaultId: string;
  currentKeyVersion: number;
  currentKey: Uint8Array;
  vaultName: string;
  items: Array<{ id: string; revision: number; keyVersion: number; ciphertext: string }>;
  revisions: Array<{ itemId: string; revision: number; keyVersion: number; ciphertext: string }>;
  remainingMembers: RotationMember[];
  removeUserIds: string[];
  granterSignPrivateKey: Uint8Array;
}

export interface RotationBatch {
  expectedKeyVersion: number;
  encryptedName: string;
  items: Array<{ id: string; revision: number; ciphertext: string }>;
  revisions: Array<{ itemId: string; revision: number; ciphertext: string }>;
  grants: Array<{
    userId: string;
    keyVersion: number;
    role: VaultRole;
    memberBoxPublicKey: string;
    sealedKey: string;
    signature: string;
  }>;
  removeUserIds: string[];
}

export interface RotationOptions {
  onProgress?: (done: number, total: number) => void;
  /** Ciphertexts handled between two macrotask yields, so a browser can repaint (default 200). */
  yieldEvery?: number;
}

const nextMacrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Re-encrypts one item ciphertext from the current key to the new one, revision unchanged.
 * The plaintext bytes are carried over exactly as they were written: rotation changes the key,
 * never the content. A ciphertext that does not open under the current key at the version and
 * revision it claims throws CryptoError — DO NOT catch and skip it: a batch that leaves an item
 * out is refused by the server, and one that replaced it would silently lose data.
 */
function reencrypt(
  input: RotationInput,
  newKey: Uint8Array,
  itemId: string,
  keyVersion: number,
  revision: number,
  ciphertext: string,
): string {
  const plaintext = openEnvelope(
    input.currentKey,
    ciphertext,
    itemAd(input.vaultId, itemId, keyVersion, revision),
    "item",
  );
  return sealEnvelope(
    newKey,
    plaintext,
    itemAd(input.vaultId, itemId, input.currentKeyVersion + 1, revision),
  );
}

/**
 * Builds the one batch that moves a vault to key version k+1 (DESIGN.md §11): a fresh key,
 * every item and stored revision re-encrypted under it, the name re-encrypted, and a signed
 * grant of the new key for each remaining member. The removed members get nothing new, so the
 * key they kept stops opening anything the server serves once the batch is applied.
 */
export async function buildRotationBatch(
  input: RotationInput,
  options: RotationOptions = {},
): Promise<{ newKey: Uint8Array; batch: RotationBatch }> {
  const yieldEvery = Math.max(1, options.yieldEvery ?? 200);
  const removed = new Set(input.removeUserIds);
  if (input.remainingMembers.some((member) => removed.has(member.userId))) {
    throw new Error("buildRotationBatch: a member cannot both remain and be removed");
  }
  if (
    new Set(input.remainingMembers.map((member) => member.userId)).size !==
    input.remainingMembers.length
  ) {
    throw new Error("buildRotationBatch: each remaining member must appear once");
  }

  const newKey = newVaultKey();
  const newKeyVersion = input.currentKeyVersion + 1;
  const total = input.items.length + input.revisions.length;
  let done = 0;
  options.onProgress?.(done, total);
  const step = async () => {
    done += 1;
    if (done % yieldEvery === 0) {
      options.onProgress?.(done, total);
      await nextMacrotask();
    }
  };

  const items: RotationBatch["items"] = [];
  for (const item of input.items) {
    items.push({
      id: item.id,
      revision: item.revision,
      ciphertext: reencrypt(
        input,
        newKey,
        item.id,
        item.keyVersion,
        item.revision,
        item.ciphertext,
      ),
    });
    await step();
  }
  const revisions: RotationBatch["revisions"] = [];
  for (const revision of input.revisions) {
    revisions.push({
      itemId: revision.itemId,
      revision: revision.revision,
      ciphertext: reencrypt(
        input,
        newKey,
        revision.itemId,
        revision.keyVersion,
        revision.revision,
        revision.ciphertext,
      ),
    });
    await step();
  }

  const grants = input.remainingMembers.map((member) => {
    const grant: Grant = {
      vaultId: input.vaultId,
      userId: member.userId,
      keyVersion: newKeyVersion,
      role: member.role,
      memberBoxPublicKey: member.boxPublicKey,
      sealedKey: sealVaultKey(newKey, fromBase64Url(member.boxPublicKey)),
    };
    return {
      userId: grant.userId,
      keyVersion: grant.keyVersion,
      role: grant.role,
      memberBoxPublicKey: grant.memberBoxPublicKey,
      sealedKey: grant.sealedKey,
      signature: signGrant(input.granterSignPrivateKey, grant),
    };
  });
  if (done % yieldEvery !== 0 || total === 0) options.onProgress?.(done, total);

  return {
    newKey,
    batch: {
      expectedKeyVersion: input.currentKeyVersion,
      encryptedName: encryptVaultName(newKey, input.vaultName, input.vaultId, newKeyVersion),
      items,
      revisions,
      grants,
      removeUserIds: [...input.removeUserIds],
    },
  };
}
