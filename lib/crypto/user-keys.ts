import { compose } from "./compose";
import { openEnvelope, sealEnvelope } from "./envelope";
import { requireSodium } from "./sodium";

export type KeyPair = { publicKey: Uint8Array; privateKey: Uint8Array };
export type PrivateKeyKind = "box" | "sign";

/**
 * A user's long-lived keys, made once at sign-up. The userKey sits between the AUK and the
 * private keys so that a password change (or a later passkey unlock or recovery escrow) only
 * re-wraps these 32 bytes.
 */
export function generateUserKeys(): {
  userKey: Uint8Array;
  boxKeyPair: KeyPair;
  signKeyPair: KeyPair;
} {
  const sodium = requireSodium();
  const box = sodium.crypto_box_keypair();
  const sign = sodium.crypto_sign_keypair();
  return {
    userKey: sodium.randombytes_buf(32),
    boxKeyPair: { publicKey: box.publicKey, privateKey: box.privateKey },
    signKeyPair: { publicKey: sign.publicKey, privateKey: sign.privateKey },
  };
}

// The AD binds each wrapped key to its owner and role: the server cannot hand user A's wrapped
// key to user B, nor swap the box and sign private keys, without the unwrap failing.
export function userKeyAd(userId: string): string {
  return compose("coffer", "userkey", "v1", userId);
}

export function privateKeyAd(userId: string, kind: PrivateKeyKind): string {
  return compose("coffer", "privkey", "v1", userId, kind);
}

export function wrapUserKey(
  accountUnlockKey: Uint8Array,
  userKey: Uint8Array,
  userId: string,
): string {
  return sealEnvelope(accountUnlockKey, userKey, userKeyAd(userId));
}

export function unwrapUserKey(
  accountUnlockKey: Uint8Array,
  wrapped: string,
  userId: string,
): Uint8Array {
  return openEnvelope(accountUnlockKey, wrapped, userKeyAd(userId), "user key");
}

export function wrapPrivateKey(
  userKey: Uint8Array,
  privateKey: Uint8Array,
  userId: string,
  kind: PrivateKeyKind,
): string {
  return sealEnvelope(userKey, privateKey, privateKeyAd(userId, kind));
}

export function unwrapPrivateKey(
  userKey: Uint8Array,
  wrapped: string,
  userId: string,
  kind: PrivateKeyKind,
): Uint8Array {
  return openEnvelope(userKey, wrapped, privateKeyAd(userId, kind), `${kind} private key`);
}
