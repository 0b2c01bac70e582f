import { CryptoError } from "./errors";
import { requireSodium } from "./sodium";

/** Base64url without padding: the one binary-to-text encoding of protocol v1. */
export function toBase64Url(bytes: Uint8Array): string {
  const sodium = requireSodium();
  return sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING);
}

/**
 * Strict decoding: besides rejecting foreign characters and padding, the result must re-encode to
 * the same text. Otherwise several strings (differing only in the unused low bits of the last
 * character) would decode to the same bytes, and a signed or compared string would be malleable.
 */
export function fromBase64Url(text: string): Uint8Array {
  const sodium = requireSodium();
  let bytes: Uint8Array;
  try {
    bytes = sodium.from_base64(text, sodium.base64_variants.URLSAFE_NO_PADDING);
  } catch {
    throw new CryptoError("base64url");
  }
  if (sodium.to_base64(bytes, sodium.base64_variants.URLSAFE_NO_PADDING) !== text) {
    throw new CryptoError("base64url");
  }
  return bytes;
}
