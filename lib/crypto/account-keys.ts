import { compose } from "./compose";
import type { KdfParams } from "./kdf-params";
import { requireSodium } from "./sodium";

const SALT_BYTES = 16;
const SECRET_KEY_BYTES = 16;
const KEY_BYTES = 32;
// crypto_kdf contexts are exactly 8 bytes; this one is shared by every account subkey.
const ACCOUNT_KDF_CONTEXT = "cofferv1";
const SUBKEY_ACCOUNT_UNLOCK = 1;
const SUBKEY_LOGIN_SEED = 2;

export function newSalt(): Uint8Array {
  return requireSodium().randombytes_buf(SALT_BYTES);
}

/** The 16-byte Secret Key: made in the browser, never sent to the server. */
export function newSecretKey(): Uint8Array {
  return requireSodium().randombytes_buf(SECRET_KEY_BYTES);
}

/**
 * Slow hash of the master password. NFKC first, so the same password typed on different
 * keyboards or operating systems (ligatures, full-width forms, composed accents) gives the same
 * bytes. The params may come from the server (prelogin); they cannot weaken the account below
 * the Secret Key's 128 bits, but callers should still refuse params below their own floor.
 */
export function slowHash(password: string, salt: Uint8Array, params: KdfParams): Uint8Array {
  const sodium = requireSodium();
  if (params.alg !== "argon2id13") {
    throw new Error(`slowHash: unsupported KDF algorithm "${String(params.alg)}"`);
  }
  if (salt.length !== SALT_BYTES) {
    throw new Error(`slowHash: salt must be ${SALT_BYTES} bytes`);
  }
  return sodium.crypto_pwhash(
    KEY_BYTES,
    sodium.from_string(password.normalize("NFKC")),
    salt,
    params.opslimit,
    params.memlimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
}

/**
 * Root = BLAKE2b-256(message = slowHash, key = secretKey). Mixing in the Secret Key is what makes
 * a stolen database useless for offline guessing: each guess also needs 128 unknown bits.
 */
export function deriveRoot(slowHashBytes: Uint8Array, secretKey: Uint8Array): Uint8Array {
  const sodium = requireSodium();
  if (slowHashBytes.length !== KEY_BYTES) {
    throw new Error(`deriveRoot: slow hash must be ${KEY_BYTES} bytes`);
  }
  if (secretKey.length !== SECRET_KEY_BYTES) {
    throw new Error(`deriveRoot: secret key must be ${SECRET_KEY_BYTES} bytes`);
  }
  return sodium.crypto_generichash(KEY_BYTES, slowHashBytes, secretKey);
}

/**
 * Two independent subkeys of the root: the AUK (wraps the userKey; never leaves the client) and
 * the seed of the login signing key (its public half is all the server stores for sign-in).
 */
export function deriveAccountKeys(root: Uint8Array): {
  accountUnlockKey: Uint8Array;
  loginKeyPair: { publicKey: Uint8Array; privateKey: Uint8Array };
} {
  const sodium = requireSodium();
  if (root.length !== KEY_BYTES) {
    throw new Error(`deriveAccountKeys: root must be ${KEY_BYTES} bytes`);
  }
  const accountUnlockKey = sodium.crypto_kdf_derive_from_key(
    KEY_BYTES,
    SUBKEY_ACCOUNT_UNLOCK,
    ACCOUNT_KDF_CONTEXT,
    root,
  );
  const loginSeed = sodium.crypto_kdf_derive_from_key(
    KEY_BYTES,
    SUBKEY_LOGIN_SEED,
    ACCOUNT_KDF_CONTEXT,
    root,
  );
  const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(loginSeed);
  sodium.memzero(loginSeed);
  return { accountUnlockKey, loginKeyPair: { publicKey, privateKey } };
}

/**
 * The string the login key signs. Binding the origin stops a phishing site relaying a proof;
 * the challenge id and nonce make it single-use. `email` must already be trimmed and lower-cased
 * by the caller (client and server must build byte-identical strings); `nonce` is the base64url
 * text exactly as the server sent it. compose() rejects a field containing `|`, so no two
 * different (origin, email, challenge) tuples can produce the same signed string.
 */
export function loginMessage(
  origin: string,
  email: string,
  challengeId: string,
  nonce: string,
): string {
  return compose("coffer-login-v1", origin, email, challengeId, nonce);
}
