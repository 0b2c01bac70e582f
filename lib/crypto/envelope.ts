import { toBase64Url } from "./base64url";
import { CryptoError } from "./errors";
import { requireSodium } from "./sodium";

/**
 * Envelope v1: `"v1." + b64url(nonce24) + "." + b64url(ciphertext)`, XChaCha20-Poly1305-IETF.
 * The associated data is never stored in the envelope: both sides rebuild it from context, so a
 * ciphertext moved to another item, user or revision fails to open.
 */
const PREFIX = "v1";
const NONCE_BYTES = 24;
const KEY_BYTES = 32;
const TAG_BYTES = 16;
const ENVELOPE_PATTERN = /^v1\.[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{22,}$/;

export function sealEnvelope(
  key: Uint8Array,
  plaintext: Uint8Array,
  associatedData: string,
): string {
  const sodium = requireSodium();
  return sealEnvelopeWithNonce(key, plaintext, associatedData, sodium.randombytes_buf(NONCE_BYTES));
}

/**
 * FOR TEST VECTORS ONLY. Reusing a nonce under one key breaks XChaCha20-Poly1305 (keystream
 * reuse and forgeable tags); production code calls `sealEnvelope`, which draws a random nonce.
 */
export function sealEnvelopeWithNonce(
  key: Uint8Array,
  plaintext: Uint8Array,
  associatedData: string,
  nonce: Uint8Array,
): string {
  const sodium = requireSodium();
  if (key.length !== KEY_BYTES) {
    throw new Error(`sealEnvelope: key must be ${KEY_BYTES} bytes`);
  }
  if (nonce.length !== NONCE_BYTES) {
    throw new Error(`sealEnvelope: nonce must be ${NONCE_BYTES} bytes`);
  }
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    plaintext,
    sodium.from_string(associatedData),
    null,
    nonce,
    key,
  );
  return `${PREFIX}.${toBase64Url(nonce)}.${toBase64Url(ciphertext)}`;
}

/**
 * Every failure — malformed text, unknown version, wrong key, wrong AD, tampering — raises the
 * same CryptoError(context), so callers cannot (and need not) tell them apart, and no partial
 * plaintext is ever returned.
 */
export function openEnvelope(
  key: Uint8Array,
  envelope: string,
  associatedData: string,
  context: string,
): Uint8Array {
  const sodium = requireSodium();
  const [version, nonceText, ciphertextText, ...rest] = envelope.split(".");
  if (
    version !== PREFIX ||
    nonceText === undefined ||
    ciphertextText === undefined ||
    rest.length > 0 ||
    key.length !== KEY_BYTES
  ) {
    throw new CryptoError(context);
  }
  let nonce: Uint8Array;
  let ciphertext: Uint8Array;
  try {
    // Plain decoding, without fromBase64Url's canonical re-encoding check: that check guards
    // strings that are signed or compared as text, while here the AEAD tag authenticates the
    // decoded bytes themselves. It would double the cost of opening a vault.
    const variant = sodium.base64_variants.URLSAFE_NO_PADDING;
    nonce = sodium.from_base64(nonceText, variant);
    ciphertext = sodium.from_base64(ciphertextText, variant);
  } catch {
    throw new CryptoError(context);
  }
  if (nonce.length !== NONCE_BYTES || ciphertext.length < TAG_BYTES) {
    throw new CryptoError(context);
  }
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      ciphertext,
      sodium.from_string(associatedData),
      nonce,
      key,
    );
  } catch {
    throw new CryptoError(context);
  }
}

/** Shape check only (used to validate stored/transported values); says nothing about authenticity. */
export function isEnvelope(text: string): boolean {
  return ENVELOPE_PATTERN.test(text);
}
