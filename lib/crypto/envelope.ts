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

// One encoder for every associated data: libsodium's from_string makes a new one per call.
const utf8 = new TextEncoder();

// Browsers decode base64 natively (`Uint8Array.fromBase64`, in every engine since 2025), several
// times faster than libsodium's decoder, which copies the text in and the bytes out of its
// heap. Node 20 has no such method and keeps libsodium's.
type NativeFromBase64 = (
  text: string,
  options: { alphabet: "base64url"; lastChunkHandling: "loose" },
) => Uint8Array;
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: NativeFromBase64 }).fromBase64;

/** Unpadded base64url, already checked against ENVELOPE_PATTERN's alphabet. */
function decodeBase64Url(text: string): Uint8Array {
  if (nativeFromBase64)
    return nativeFromBase64(text, { alphabet: "base64url", lastChunkHandling: "loose" });
  const sodium = requireSodium();
  return sodium.from_base64(text, sodium.base64_variants.URLSAFE_NO_PADDING);
}

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
  // The alphabet is checked here, so neither decoder below sees padding, whitespace or a
  // character of the other base64 alphabet.
  if (!ENVELOPE_PATTERN.test(envelope) || key.length !== KEY_BYTES) throw new CryptoError(context);
  const [, nonceText = "", ciphertextText = ""] = envelope.split(".");
  let nonce: Uint8Array;
  let ciphertext: Uint8Array;
  try {
    // Plain decoding, without fromBase64Url's canonical re-encoding check: that check guards
    // strings that are signed or compared as text, while here the AEAD tag authenticates the
    // decoded bytes themselves. It would double the cost of opening a vault.
    nonce = decodeBase64Url(nonceText);
    ciphertext = decodeBase64Url(ciphertextText);
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
      utf8.encode(associatedData),
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
