import { fromBase64Url, toBase64Url } from "./base64url";
import { compose } from "./compose";
import { FINGERPRINT_WORDS } from "./fingerprint-words";
import { signMessage, verifyMessage } from "./sign";
import { requireSodium } from "./sodium";

/** A user's public identity as other members see it; keys as base64url text. */
export type PublicBundle = {
  userId: string;
  email: string;
  signPublicKey: string;
  boxPublicKey: string;
};

const FINGERPRINT_HEX_BYTES = 20;
const FINGERPRINT_WORD_COUNT = 8;

/**
 * The keys enter as the base64url text carried in the bundle, not re-encoded bytes, so signer
 * and verifier sign exactly what they both hold. Strict base64url decoding elsewhere ensures one
 * key has one spelling.
 */
export function bundleMessage(bundle: PublicBundle): string {
  return compose(
    "coffer-bundle-v1",
    bundle.userId,
    bundle.email,
    bundle.signPublicKey,
    bundle.boxPublicKey,
  );
}

export function signBundle(signPrivateKey: Uint8Array, bundle: PublicBundle): string {
  return toBase64Url(signMessage(signPrivateKey, bundleMessage(bundle)));
}

/**
 * Checks the self-signature only: it proves the bundle is internally consistent (whoever holds
 * the sign key vouches for the box key and email), not that it belongs to the right person.
 * That is what fingerprint comparison and pinning are for.
 */
export function verifyBundle(bundle: PublicBundle, signatureB64: string): boolean {
  try {
    const signPublicKey = fromBase64Url(bundle.signPublicKey);
    const signature = fromBase64Url(signatureB64);
    return verifyMessage(signPublicKey, bundleMessage(bundle), signature);
  } catch {
    // Malformed base64url or a field compose() refuses: not a valid bundle, not a crash.
    return false;
  }
}

export function fingerprint(bundle: PublicBundle): Uint8Array {
  const sodium = requireSodium();
  return sodium.crypto_generichash(32, sodium.from_string(bundleMessage(bundle)), null);
}

/** 160 bits as ten groups of four hex digits: long enough that a collision is out of reach. */
export function fingerprintHex(bundle: PublicBundle): string {
  return digestHexGroups(fingerprint(bundle));
}

/**
 * 64 bits as eight words: quicker to compare aloud than hex, and still far beyond what an
 * attacker can grind against one specific target bundle.
 */
export function fingerprintWords(bundle: PublicBundle): string[] {
  return digestWords(fingerprint(bundle));
}

/** How any fingerprint digest (a person's, a service account's) is shown as hex groups. */
export function digestHexGroups(digest: Uint8Array): string {
  const hex = requireSodium().to_hex(digest.subarray(0, FINGERPRINT_HEX_BYTES)).toUpperCase();
  return hex.match(/.{4}/g)?.join(" ") ?? hex;
}

/** How any fingerprint digest is shown as words. */
export function digestWords(digest: Uint8Array): string[] {
  return Array.from(digest.subarray(0, FINGERPRINT_WORD_COUNT), (byte) => {
    const word = FINGERPRINT_WORDS[byte];
    if (word === undefined) {
      throw new Error("fingerprint word list must hold 256 words");
    }
    return word;
  });
}
