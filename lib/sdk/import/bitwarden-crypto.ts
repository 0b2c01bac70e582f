import { argon2id } from "hash-wasm";
import { ImportError } from "./types";

/**
 * Bitwarden's password-protected export (bitwarden/clients, the "encrypted_json" export with a
 * file password): the key is PBKDF2-SHA256(password, salt) or Argon2id(password, SHA-256(salt))
 * where `salt` is the base64 text itself, used as UTF-8 bytes; it is stretched by HKDF-Expand
 * (SHA-256, info "enc" / "mac") into an AES-256-CBC key and an HMAC-SHA256 key. Every value is
 * an EncString "2.iv|ct|mac" (type 2 = AesCbc256_HmacSha256_B64) whose MAC covers iv ‖ ct.
 * Only WebCrypto and hash-wasm are used, so this runs in the browser and in Node alike.
 */
export type BitwardenKdf =
  | { kdfType: 0; iterations: number }
  | { kdfType: 1; iterations: number; memoryMiB: number; parallelism: number };

export type BitwardenKeys = { encKey: CryptoKey; macKey: CryptoKey };

// Bounds Bitwarden's own settings allow (and a little room): a file asking for more is refused
// before any work, so an edited file cannot make the browser spin for minutes or allocate GBs.
const PBKDF2_ITERATIONS = { min: 1, max: 2_000_000 };
const ARGON2_ITERATIONS = { min: 2, max: 10 };
const ARGON2_MEMORY_MIB = { min: 16, max: 1024 };
const ARGON2_PARALLELISM = { min: 1, max: 16 };

const subtle = (): SubtleCrypto => globalThis.crypto.subtle;
const encoder = new TextEncoder();

function within(value: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= range.min && value <= range.max;
}

/** Refuses settings outside what Bitwarden can produce, with the reason in one sentence. */
export function checkKdf(kdf: BitwardenKdf): void {
  const ok =
    kdf.kdfType === 0
      ? within(kdf.iterations, PBKDF2_ITERATIONS)
      : within(kdf.iterations, ARGON2_ITERATIONS) &&
        within(kdf.memoryMiB, ARGON2_MEMORY_MIB) &&
        within(kdf.parallelism, ARGON2_PARALLELISM);
  if (!ok) {
    throw new ImportError(
      "malformed",
      "This Bitwarden export names key-derivation settings Bitwarden does not use; export it again.",
    );
  }
}

/** A copy in a fresh ArrayBuffer: WebCrypto's types want ArrayBuffer, not a shared view. */
function buffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

async function masterKey(password: string, salt: string, kdf: BitwardenKdf): Promise<Uint8Array> {
  const passwordBytes = encoder.encode(password);
  if (kdf.kdfType === 0) {
    const base = await subtle().importKey("raw", buffer(passwordBytes), "PBKDF2", false, [
      "deriveBits",
    ]);
    const bits = await subtle().deriveBits(
      {
        name: "PBKDF2",
        hash: "SHA-256",
        salt: buffer(encoder.encode(salt)),
        iterations: kdf.iterations,
      },
      base,
      256,
    );
    return new Uint8Array(bits);
  }
  const saltHash = new Uint8Array(await subtle().digest("SHA-256", buffer(encoder.encode(salt))));
  return argon2id({
    password: passwordBytes,
    salt: saltHash,
    iterations: kdf.iterations,
    memorySize: kdf.memoryMiB * 1024,
    parallelism: kdf.parallelism,
    hashLength: 32,
    outputType: "binary",
  });
}

async function hmac(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const hmacKey = await subtle().importKey(
    "raw",
    buffer(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await subtle().sign("HMAC", hmacKey, buffer(data)));
}

/** HKDF-Expand (RFC 5869) for one 32-byte block: T(1) = HMAC(prk, info ‖ 0x01). */
async function hkdfExpand32(prk: Uint8Array, info: string): Promise<Uint8Array> {
  const infoBytes = encoder.encode(info);
  const input = new Uint8Array(infoBytes.length + 1);
  input.set(infoBytes);
  input[infoBytes.length] = 1;
  return hmac(prk, input);
}

/** The raw enc and mac keys, for the test encoder that writes Bitwarden-format fixtures. */
export async function deriveBitwardenKeyBytes(
  password: string,
  salt: string,
  kdf: BitwardenKdf,
): Promise<{ encKey: Uint8Array; macKey: Uint8Array }> {
  checkKdf(kdf);
  const key = await masterKey(password, salt, kdf);
  return { encKey: await hkdfExpand32(key, "enc"), macKey: await hkdfExpand32(key, "mac") };
}

export async function deriveBitwardenKeys(
  password: string,
  salt: string,
  kdf: BitwardenKdf,
): Promise<BitwardenKeys> {
  const { encKey, macKey } = await deriveBitwardenKeyBytes(password, salt, kdf);
  return {
    encKey: await subtle().importKey("raw", buffer(encKey), "AES-CBC", false, ["decrypt"]),
    macKey: await subtle().importKey(
      "raw",
      buffer(macKey),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["verify"],
    ),
  };
}

export function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export type EncStringParts = { iv: Uint8Array; ciphertext: Uint8Array; mac: Uint8Array };

/** "2.iv|ct|mac" split and decoded; null for anything else (types 0/1 carry no MAC). */
export function parseEncString(value: string): EncStringParts | null {
  const match = /^2\.([^|]+)\|([^|]+)\|([^|]+)$/.exec(value);
  if (!match) return null;
  const [iv, ciphertext, mac] = [match[1], match[2], match[3]].map((part) =>
    fromBase64(part ?? ""),
  );
  if (!iv || !ciphertext || !mac || iv.length !== 16 || mac.length !== 32) return null;
  if (ciphertext.length === 0 || ciphertext.length % 16 !== 0) return null;
  return { iv, ciphertext, mac };
}

/**
 * The plaintext, or null when the MAC does not match (wrong password, or an edited value).
 * The MAC is checked first (HMAC verify, constant time) and AES-CBC runs only on authentic
 * input, so a padding oracle is never exposed.
 */
export async function decryptEncString(
  keys: BitwardenKeys,
  parts: EncStringParts,
): Promise<Uint8Array | null> {
  const signed = new Uint8Array(parts.iv.length + parts.ciphertext.length);
  signed.set(parts.iv);
  signed.set(parts.ciphertext, parts.iv.length);
  const authentic = await subtle().verify("HMAC", keys.macKey, buffer(parts.mac), buffer(signed));
  if (!authentic) return null;
  try {
    const plain = await subtle().decrypt(
      { name: "AES-CBC", iv: buffer(parts.iv) },
      keys.encKey,
      buffer(parts.ciphertext),
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}
