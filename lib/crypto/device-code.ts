import { requireSodium } from "./sodium";

// Crockford's base32: no I, L, O or U, so a code read aloud or retyped has one spelling.
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LENGTH = 10;

/**
 * The code a person types into the browser to approve a command-line sign-in: the first 50 bits
 * of BLAKE2b-256 of the CLI's ephemeral public key. It is derived, not random, so the browser
 * can recompute it from the key the server hands over and refuse a substituted key: a random
 * code would let the server swap in a key of its own and receive the userKey.
 */
export function deviceCode(publicKey: Uint8Array): string {
  const digest = requireSodium().crypto_generichash(32, publicKey, null);
  let bits = 0n;
  for (const byte of digest.subarray(0, 7)) bits = (bits << 8n) | BigInt(byte);
  bits >>= 6n; // 56 bits read, 50 kept
  let code = "";
  for (let index = 0; index < CODE_LENGTH; index++) {
    code = CROCKFORD[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code;
}

/** Shown as two groups of five: `ABCDE-FGHJK`. */
export const formatDeviceCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/**
 * What a person typed, in canonical form: case, spaces and dashes ignored, and the letters
 * Crockford maps to digits (I and L to 1, O to 0) read as those digits. Null when it cannot be
 * a code.
 */
export function normaliseDeviceCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (code.length !== CODE_LENGTH) return null;
  return [...code].every((character) => CROCKFORD.includes(character)) ? code : null;
}
