import { CryptoError } from "./errors";
import { requireSodium } from "./sodium";

/**
 * Human form of the 16-byte Secret Key for the Emergency Kit:
 * `C1-` + Crockford base32 of the 16 bytes (26 characters, the 2 spare bits zero) + 1 checksum
 * character, in groups of 5 separated by `-`, e.g. `C1-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XX`.
 * People copy this by hand from paper, so parsing forgives case, spaces, dashes and the
 * look-alike letters Crockford aliases (O→0, I/L→1), and the checksum catches a typo before it
 * turns into a confusing "wrong password" at sign-in.
 */
const PREFIX = "C1";
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const SECRET_KEY_BYTES = 16;
const BODY_CHARS = 26;
const GROUP_SIZE = 5;
const PREFIX_WITH_SEPARATOR = /^\s*c[1il][\s-]/i;

/** A CryptoError whose message says what is wrong with the text a person typed. */
export class SecretKeyFormatError extends CryptoError {
  constructor(reason: string) {
    super("secret key");
    this.name = "SecretKeyFormatError";
    this.message = `invalid secret key: ${reason}`;
  }
}

function encodeBase32(bytes: Uint8Array): string {
  let output = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      output += ALPHABET.charAt((buffer >> bits) & 31);
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) {
    output += ALPHABET.charAt((buffer << (5 - bits)) & 31);
  }
  return output;
}

/** Returns null if the spare low bits of the last character are not zero (non-canonical text). */
function decodeBase32(text: string, byteLength: number): Uint8Array | null {
  const output = new Uint8Array(byteLength);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    buffer = (buffer << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      output[index++] = (buffer >> bits) & 0xff;
    }
    buffer &= (1 << bits) - 1;
  }
  return index === byteLength && buffer === 0 ? output : null;
}

function checksumChar(bytes: Uint8Array): string {
  const [firstByte = 0] = requireSodium().crypto_generichash(32, bytes, null);
  return ALPHABET.charAt(firstByte >> 3);
}

export function formatSecretKey(bytes: Uint8Array): string {
  if (bytes.length !== SECRET_KEY_BYTES) {
    throw new Error(`formatSecretKey: secret key must be ${SECRET_KEY_BYTES} bytes`);
  }
  const characters = encodeBase32(bytes) + checksumChar(bytes);
  const groups: string[] = [];
  for (let start = 0; start < characters.length; start += GROUP_SIZE) {
    groups.push(characters.slice(start, start + GROUP_SIZE));
  }
  return [PREFIX, ...groups].join("-");
}

export function parseSecretKey(text: string): Uint8Array {
  const normalised = text
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  // A body may itself begin with "C1", so the prefix is recognised by its separator as printed
  // ("C1-…") or, without separators, by the full prefixed length.
  const hasPrefix =
    PREFIX_WITH_SEPARATOR.test(text) ||
    (normalised.length === PREFIX.length + BODY_CHARS + 1 && normalised.startsWith(PREFIX));
  const withoutPrefix = hasPrefix ? normalised.slice(PREFIX.length) : normalised;
  if (withoutPrefix.length !== BODY_CHARS + 1) {
    throw new SecretKeyFormatError(
      `expected ${BODY_CHARS + 1} characters after "${PREFIX}-", check it against your Emergency Kit`,
    );
  }
  for (const char of withoutPrefix) {
    if (!ALPHABET.includes(char)) {
      // The offending character is not echoed: error text may end up in logs.
      throw new SecretKeyFormatError("it contains a character that never appears in a secret key");
    }
  }
  const bytes = decodeBase32(withoutPrefix.slice(0, BODY_CHARS), SECRET_KEY_BYTES);
  if (bytes === null || checksumChar(bytes) !== withoutPrefix.charAt(BODY_CHARS)) {
    throw new SecretKeyFormatError("checksum does not match, check for a typo");
  }
  return bytes;
}
