import { fromBase64Url, toBase64Url } from "./base64url";
import { CryptoError } from "./errors";
import { requireSodium } from "./sodium";
import type { KeyPair } from "./user-keys";

const USER_KEY_BYTES = 32;

/** The CLI's ephemeral X25519 keypair for one `coffer login`; its public key names the code. */
export function newDeviceKeyPair(): KeyPair {
  const pair = requireSodium().crypto_box_keypair();
  return { publicKey: pair.publicKey, privateKey: pair.privateKey };
}

/**
 * The approving browser seals the userKey to the CLI's public key, and only after it has
 * recomputed the code from that key (lib/crypto/device-code.ts): the seal is anonymous, so the
 * code comparison is what binds it to the terminal the person is looking at.
 */
export function sealUserKeyToDevice(userKey: Uint8Array, devicePublicKey: Uint8Array): string {
  if (userKey.length !== USER_KEY_BYTES) {
    throw new Error(`sealUserKeyToDevice: user key must be ${USER_KEY_BYTES} bytes`);
  }
  return toBase64Url(requireSodium().crypto_box_seal(userKey, devicePublicKey));
}

export function openDeviceUserKey(sealed: string, deviceKeyPair: KeyPair): Uint8Array {
  let userKey: Uint8Array;
  try {
    userKey = requireSodium().crypto_box_seal_open(
      fromBase64Url(sealed),
      deviceKeyPair.publicKey,
      deviceKeyPair.privateKey,
    );
  } catch {
    throw new CryptoError("device user key");
  }
  if (userKey.length !== USER_KEY_BYTES) throw new CryptoError("device user key");
  return userKey;
}
