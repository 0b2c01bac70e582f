import { fromBase64Url, toBase64Url } from "./base64url";
import { compose } from "./compose";
import { openEnvelope, sealEnvelope } from "./envelope";
import { CryptoError } from "./errors";
import { signMessage, verifyMessage } from "./sign";
import { requireSodium } from "./sodium";
import type { KeyPair } from "./user-keys";

const VAULT_KEY_BYTES = 32;

export type VaultRole = "manage" | "edit" | "view";

/**
 * One member's access to one key version of a vault, as stored by the server and signed by the
 * granter. Keys and the sealed copy are base64url text, signed exactly as carried.
 */
export type Grant = {
  vaultId: string;
  userId: string;
  keyVersion: number;
  role: VaultRole;
  memberBoxPublicKey: string;
  sealedKey: string;
};

/** A fresh XChaCha20-Poly1305 key, one per vault and key version. */
export function newVaultKey(): Uint8Array {
  return requireSodium().crypto_aead_xchacha20poly1305_ietf_keygen();
}

// The vault name is encrypted under the vault key like an item, so the server never sees it.
// Binding the key version means a rotation re-encrypts the name with everything else.
export function vaultNameAd(vaultId: string, keyVersion: number): string {
  return compose("coffer", "vaultname", "v1", vaultId, keyVersion);
}

export function encryptVaultName(
  vaultKey: Uint8Array,
  name: string,
  vaultId: string,
  keyVersion: number,
): string {
  const sodium = requireSodium();
  return sealEnvelope(vaultKey, sodium.from_string(name), vaultNameAd(vaultId, keyVersion));
}

export function decryptVaultName(
  vaultKey: Uint8Array,
  envelope: string,
  vaultId: string,
  keyVersion: number,
): string {
  const bytes = openEnvelope(vaultKey, envelope, vaultNameAd(vaultId, keyVersion), "vault name");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new CryptoError("vault name");
  }
}

/**
 * crypto_box_seal: anonymous, so anyone (the server included) could seal a key of their choosing
 * to a member. The seal alone therefore proves nothing about where a key came from; acceptGrant
 * adds the granter's signature and the trust decision.
 */
export function sealVaultKey(vaultKey: Uint8Array, recipientBoxPublicKey: Uint8Array): string {
  const sodium = requireSodium();
  if (vaultKey.length !== VAULT_KEY_BYTES) {
    throw new Error(`sealVaultKey: vault key must be ${VAULT_KEY_BYTES} bytes`);
  }
  return toBase64Url(sodium.crypto_box_seal(vaultKey, recipientBoxPublicKey));
}

export function openVaultKey(sealed: string, boxKeyPair: KeyPair): Uint8Array {
  const sodium = requireSodium();
  let vaultKey: Uint8Array;
  try {
    vaultKey = sodium.crypto_box_seal_open(
      fromBase64Url(sealed),
      boxKeyPair.publicKey,
      boxKeyPair.privateKey,
    );
  } catch {
    throw new CryptoError("vault key");
  }
  if (vaultKey.length !== VAULT_KEY_BYTES) {
    throw new CryptoError("vault key");
  }
  return vaultKey;
}

/**
 * Every field a member relies on is signed: the role (so the server cannot promote a viewer),
 * the key version (so it cannot replay an old key as current), the recipient key and the sealed
 * copy (so it cannot substitute a key it knows).
 */
export function grantMessage(grant: Grant): string {
  return compose(
    "coffer-grant-v1",
    grant.vaultId,
    grant.userId,
    grant.keyVersion,
    grant.role,
    grant.memberBoxPublicKey,
    grant.sealedKey,
  );
}

export function signGrant(granterSignPrivateKey: Uint8Array, grant: Grant): string {
  return toBase64Url(signMessage(granterSignPrivateKey, grantMessage(grant)));
}

export function verifyGrant(
  granterSignPublicKey: Uint8Array,
  grant: Grant,
  signature: string,
): boolean {
  try {
    return verifyMessage(granterSignPublicKey, grantMessage(grant), fromBase64Url(signature));
  } catch {
    // Malformed base64url, a `|` in a field or a non-integer key version: not a valid grant.
    return false;
  }
}

/**
 * DO NOT RELAX ANY CHECK: this is the rule "a client rejects a grant not signed by a member it
 * trusts". Without it a malicious server could seal a key it knows to us and read everything we
 * later write to the vault. `trusted` is the caller's decision that granterSignPublicKey belongs
 * to a confirmed, pinned member allowed to grant (DESIGN.md, key hierarchy item 10); this
 * function cannot make it. The recipient check stops a correctly signed grant meant for someone
 * else (or for our old box key) being presented as ours.
 */
export function acceptGrant(input: {
  grant: Grant;
  signature: string;
  granterSignPublicKey: Uint8Array;
  trusted: boolean;
  boxKeyPair: KeyPair;
  expectedUserId: string;
}): Uint8Array {
  const { grant, signature, granterSignPublicKey, trusted, boxKeyPair, expectedUserId } = input;
  if (trusted !== true) {
    throw new CryptoError("untrusted granter");
  }
  if (!verifyGrant(granterSignPublicKey, grant, signature)) {
    throw new CryptoError("grant signature");
  }
  if (
    grant.userId !== expectedUserId ||
    grant.memberBoxPublicKey !== toBase64Url(boxKeyPair.publicKey)
  ) {
    throw new CryptoError("grant recipient");
  }
  return openVaultKey(grant.sealedKey, boxKeyPair);
}

// Each new key version carries the previous key, wrapped under the new one, so a member granted
// only the current version can still read history encrypted under older versions. The AD names
// the new version: the server cannot splice a chain link from another vault or position.
export function vaultKeyChainAd(vaultId: string, newKeyVersion: number): string {
  return compose("coffer", "vaultkeychain", "v1", vaultId, newKeyVersion);
}

export function wrapPreviousVaultKey(
  newKey: Uint8Array,
  previousKey: Uint8Array,
  vaultId: string,
  newKeyVersion: number,
): string {
  if (previousKey.length !== VAULT_KEY_BYTES) {
    throw new Error(`wrapPreviousVaultKey: previous key must be ${VAULT_KEY_BYTES} bytes`);
  }
  return sealEnvelope(newKey, previousKey, vaultKeyChainAd(vaultId, newKeyVersion));
}

export function unwrapPreviousVaultKey(
  newKey: Uint8Array,
  wrapped: string,
  vaultId: string,
  newKeyVersion: number,
): Uint8Array {
  const previousKey = openEnvelope(
    newKey,
    wrapped,
    vaultKeyChainAd(vaultId, newKeyVersion),
    "previous vault key",
  );
  if (previousKey.length !== VAULT_KEY_BYTES) {
    throw new CryptoError("previous vault key");
  }
  return previousKey;
}
