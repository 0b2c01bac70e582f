// Base62 (0-9, A-Z, a-z) of a fixed-length byte string, written at a fixed width: tokens use it
// because it survives double-click selection, URLs and shell quoting, and a fixed width lets a
// secret scanner match the whole token with one regular expression.
const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BASE = BigInt(ALPHABET.length);

/** The number of base62 characters needed for any value of `byteLength` bytes. */
export function base62Width(byteLength: number): number {
  return Math.ceil((byteLength * 8) / Math.log2(ALPHABET.length));
}

export function encodeBase62(bytes: Uint8Array, width = base62Width(bytes.length)): string {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let text = "";
  while (value > 0n) {
    text = ALPHABET[Number(value % BASE)] + text;
    value /= BASE;
  }
  if (text.length > width) throw new Error("encodeBase62: value does not fit the width");
  return text.padStart(width, "0");
}

/** Null for a foreign character or a value that does not fit `byteLength` bytes. */
export function decodeBase62(text: string, byteLength: number): Uint8Array | null {
  let value = 0n;
  for (const character of text) {
    const digit = ALPHABET.indexOf(character);
    if (digit < 0) return null;
    value = value * BASE + BigInt(digit);
  }
  const bytes = new Uint8Array(byteLength);
  for (let index = byteLength - 1; index >= 0; index--) {
    bytes[index] = Number(value & 0xffn);
    value >>= 8n;
  }
  return value === 0n ? bytes : null;
}
