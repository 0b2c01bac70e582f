import { requireSodium } from "./sodium";

const SIGNATURE_BYTES = 64;
const PUBLIC_KEY_BYTES = 32;

/**
 * Protocol v1 signs BLAKE2b-256(UTF-8(message)) rather than the message: one fixed-size input
 * for every message type (login proofs, bundles, grants), and a large message can be hashed
 * incrementally by a future client without changing the signature format.
 */
function messageDigest(message: string): Uint8Array {
  const sodium = requireSodium();
  return sodium.crypto_generichash(32, sodium.from_string(message), null);
}

export function signMessage(signPrivateKey: Uint8Array, message: string): Uint8Array {
  const sodium = requireSodium();
  return sodium.crypto_sign_detached(messageDigest(message), signPrivateKey);
}

/** Returns false for any malformed input: a verifier is asked a yes/no question, never crashes. */
export function verifyMessage(
  signPublicKey: Uint8Array,
  message: string,
  signature: Uint8Array,
): boolean {
  const sodium = requireSodium();
  if (signPublicKey.length !== PUBLIC_KEY_BYTES || signature.length !== SIGNATURE_BYTES) {
    return false;
  }
  try {
    return sodium.crypto_sign_verify_detached(signature, messageDigest(message), signPublicKey);
  } catch {
    return false;
  }
}
