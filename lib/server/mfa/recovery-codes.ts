import "server-only";
import crypto from "node:crypto";

// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const codeCount = 10;
const groups = 4;
const groupLength = 4;

/**
 * Ten codes of 80 random bits each, written XXXX-XXXX-XXXX-XXXX. That much entropy makes a
 * plain SHA-256 safe to store: no server secret is needed to check them, and a database dump
 * cannot be searched for them.
 */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: codeCount }, () => {
    const bytes = crypto.randomBytes(groups * groupLength);
    const characters = Array.from(bytes, (byte) => alphabet[byte & 31]);
    const chunks = [];
    for (let index = 0; index < characters.length; index += groupLength) {
      chunks.push(characters.slice(index, index + groupLength).join(""));
    }
    return chunks.join("-");
  });
}

/** Case, spaces and dashes do not matter; the Crockford look-alikes map to their digits. */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
}

/** Bound to the person, so equal codes of two people never share a hash. */
export function hashRecoveryCode(userId: string, code: string): string {
  return crypto
    .createHash("sha256")
    .update(`coffer-recovery|${userId}|${normaliseRecoveryCode(code)}`)
    .digest("base64url");
}
