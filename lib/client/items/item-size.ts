import type { ItemPlaintext } from "@/lib/crypto";
import { envelope } from "@/lib/api/common";

// The server refuses an envelope longer than its schema allows; the plaintext is JSON under
// XChaCha20-Poly1305 (16-byte tag), written as "v1." + 32 characters of nonce + "." + base64url.
const ENVELOPE_MAX = envelope.maxLength ?? Infinity;
const utf8 = new TextEncoder();

const OVERHEAD = "v1.".length + 32 + ".".length;
const bytesOf = (item: ItemPlaintext) => utf8.encode(JSON.stringify(item)).length;

export function envelopeLengthOf(item: ItemPlaintext): number {
  return OVERHEAD + Math.ceil(((bytesOf(item) + 16) * 4) / 3);
}

// The most plaintext bytes an envelope of ENVELOPE_MAX characters can carry.
const MAX_BYTES = Math.floor(((ENVELOPE_MAX - OVERHEAD) * 3) / 4) - 16;

/**
 * Why the item cannot be stored, checked before it is encrypted and sent; null when it fits.
 * Sizes are in kilobytes of text, the unit a person can act on.
 */
export function itemSizeProblem(item: ItemPlaintext): string | null {
  if (envelopeLengthOf(item) <= ENVELOPE_MAX) return null;
  const size = Math.ceil(bytesOf(item) / 1024);
  const limit = Math.floor(MAX_BYTES / 1024);
  return `This item is too large to store: it holds about ${size} KB and an item holds at most ${limit} KB. Shorten the notes or a long value, or split it into two items.`;
}
