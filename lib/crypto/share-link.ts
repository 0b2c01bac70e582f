import { fromBase64Url, toBase64Url } from "./base64url";
import { compose } from "./compose";
import { openEnvelope, sealEnvelope } from "./envelope";
import { CryptoError } from "./errors";
import { slowHash } from "./account-keys";
import { KDF_V1, type KdfParams } from "./kdf-params";
import { requireSodium } from "./sodium";

/**
 * One-time share links (DESIGN.md, key hierarchy item 13; docs/security.md "Share links").
 *
 *   S          32 random bytes, base64url in the URL fragment `/s#<S>` (never sent anywhere)
 *   linkId     kdf(16, 1, "shr_id__", S)            what the server files the link under
 *   linkKey    kdf(32, 1, "shr_key_", S)
 *   finalKey   linkKey, or BLAKE2b-256(message = Argon2id(passphrase, salt), key = linkKey)
 *   sealKey    kdf(32, 1, "shr_seal", finalKey)      seals the payload
 *   proof      kdf(32, 1, "shr_auth", finalKey)      shown on reveal; the server keeps SHA-256
 *
 * The proof lets the server refuse a wrong passphrase without spending a view and without
 * learning anything that opens the payload: proof and sealKey are independent subkeys.
 */
export const SHARE_SECRET_BYTES = 32;
export const SHARE_LINK_ID_BYTES = 16;
export const SHARE_SALT_BYTES = 16;
const KEY_BYTES = 32;
const SUBKEY_ID = 1;
export const SHARE_LINK_VERSION = "v1";

/** The largest text (UTF-8 bytes) and file a link may carry. */
export const SHARE_TEXT_MAX_BYTES = 64 * 1024;
export const SHARE_FILE_MAX_BYTES = 1024 * 1024;
/** The payload's header (kind, names, note) is bounded separately from its body. */
export const SHARE_HEADER_MAX_BYTES = 16 * 1024;
export const SHARE_NOTE_MAX_CHARS = 1000;
export const SHARE_NAME_MAX_CHARS = 255;

/**
 * The longest ciphertext text a valid payload can give: "v1." + nonce + "." + base64url of
 * (4-byte header length + header + body + 16-byte tag). The server refuses anything longer.
 */
export const SHARE_CIPHERTEXT_MAX_CHARS =
  3 + 32 + 1 + Math.ceil(((4 + SHARE_HEADER_MAX_BYTES + SHARE_FILE_MAX_BYTES + 16) * 4) / 3);

export type SharePayload =
  | { kind: "text"; text: string; note?: string }
  | { kind: "file"; name: string; mimeType: string; bytes: Uint8Array; note?: string }
  | { kind: "field"; text: string; itemTitle: string; fieldName: string; note?: string };

export interface ShareLinkKeys {
  /** base64url of 16 bytes. */
  linkId: string;
  linkKey: Uint8Array;
}

export function newShareSecret(): Uint8Array {
  return requireSodium().randombytes_buf(SHARE_SECRET_BYTES);
}

export function newShareSalt(): Uint8Array {
  return requireSodium().randombytes_buf(SHARE_SALT_BYTES);
}

/** The fragment after `/s#`: S as base64url, nothing else. */
export const formatShareFragment = (secret: Uint8Array) => toBase64Url(secret);

/**
 * S from what the recipient pasted or opened: a whole URL, `#S`, or S alone. Throws
 * CryptoError("share link") for anything that is not exactly 32 bytes of base64url.
 */
export function parseShareFragment(text: string): Uint8Array {
  const trimmed = text.trim();
  const hash = trimmed.lastIndexOf("#");
  const candidate = hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
  let secret: Uint8Array;
  try {
    secret = fromBase64Url(candidate);
  } catch {
    throw new CryptoError("share link");
  }
  if (secret.length !== SHARE_SECRET_BYTES) throw new CryptoError("share link");
  return secret;
}

export function deriveShareLinkKeys(secret: Uint8Array): ShareLinkKeys {
  const sodium = requireSodium();
  if (secret.length !== SHARE_SECRET_BYTES) {
    throw new Error(`deriveShareLinkKeys: secret must be ${SHARE_SECRET_BYTES} bytes`);
  }
  const id = sodium.crypto_kdf_derive_from_key(SHARE_LINK_ID_BYTES, SUBKEY_ID, "shr_id__", secret);
  return {
    linkId: toBase64Url(id),
    linkKey: sodium.crypto_kdf_derive_from_key(KEY_BYTES, SUBKEY_ID, "shr_key_", secret),
  };
}

/**
 * Argon2id of the passphrase with the link's own salt: the master password's slow hash
 * (NFKC, 32 bytes), so a KdfRunner (lib/sdk/kdf-runner.ts) runs it in the browser's worker.
 */
export const sharePassphraseHash: (
  passphrase: string,
  salt: Uint8Array,
  params: KdfParams,
) => Uint8Array = slowHash;

/** The Argon2id parameters a new passphrase link uses: those of a new account. */
export const SHARE_PASSPHRASE_KDF: KdfParams = { ...KDF_V1 };

/**
 * The key everything else comes from. With a passphrase, its slow hash is mixed in by keyed
 * BLAKE2b, so neither the link alone nor the passphrase alone gives it.
 */
export function shareFinalKey(linkKey: Uint8Array, passphraseHash: Uint8Array | null): Uint8Array {
  if (linkKey.length !== KEY_BYTES) throw new Error("shareFinalKey: link key must be 32 bytes");
  if (passphraseHash === null) return linkKey.slice();
  if (passphraseHash.length !== KEY_BYTES) {
    throw new Error("shareFinalKey: passphrase hash must be 32 bytes");
  }
  return requireSodium().crypto_generichash(KEY_BYTES, passphraseHash, linkKey);
}

const sealKeyOf = (finalKey: Uint8Array) =>
  requireSodium().crypto_kdf_derive_from_key(KEY_BYTES, SUBKEY_ID, "shr_seal", finalKey);

/** What the recipient's client shows the server on reveal (base64url of 32 bytes). */
export function shareAccessProof(finalKey: Uint8Array): string {
  return toBase64Url(
    requireSodium().crypto_kdf_derive_from_key(KEY_BYTES, SUBKEY_ID, "shr_auth", finalKey),
  );
}

/**
 * SHA-256 of the proof, base64url: all the server stores. A copy of the database therefore
 * cannot spend a link's views, and the server compares hashes in constant time.
 */
export function shareProofHash(proof: string): string {
  return toBase64Url(requireSodium().crypto_hash_sha256(fromBase64Url(proof)));
}

// The AD names the link and the format: a ciphertext moved to another link fails to open.
export function sharePayloadAd(linkId: string): string {
  return compose("coffer", "share", SHARE_LINK_VERSION, linkId);
}

type PayloadHeader =
  | { kind: "text"; note?: string }
  | { kind: "file"; name: string; mimeType: string; note?: string }
  | { kind: "field"; itemTitle: string; fieldName: string; note?: string };

/**
 * Plaintext layout: 4-byte big-endian header length, the header as UTF-8 JSON (kind, names,
 * note), then the body raw (the text as UTF-8, or the file's bytes). Raw bytes keep a 1 MiB
 * file at 1 MiB before the envelope's base64, instead of base64 twice.
 */
export function encodeSharePayload(payload: SharePayload): Uint8Array {
  const encoder = new TextEncoder();
  const { header, body } = splitPayload(payload, encoder);
  if (
    payload.kind === "file"
      ? body.length > SHARE_FILE_MAX_BYTES
      : body.length > SHARE_TEXT_MAX_BYTES
  ) {
    throw new Error(
      `encodeSharePayload: the ${payload.kind === "file" ? "file" : "text"} is too large`,
    );
  }
  const headerBytes = encoder.encode(JSON.stringify(header));
  if (headerBytes.length > SHARE_HEADER_MAX_BYTES) {
    throw new Error("encodeSharePayload: the note and names are too long");
  }
  const out = new Uint8Array(4 + headerBytes.length + body.length);
  new DataView(out.buffer).setUint32(0, headerBytes.length);
  out.set(headerBytes, 4);
  out.set(body, 4 + headerBytes.length);
  return out;
}

function splitPayload(payload: SharePayload, encoder: TextEncoder) {
  const note = payload.note ? { note: payload.note } : {};
  switch (payload.kind) {
    case "text":
      return {
        header: { kind: "text", ...note } as PayloadHeader,
        body: encoder.encode(payload.text),
      };
    case "file":
      return {
        header: {
          kind: "file",
          name: payload.name,
          mimeType: payload.mimeType,
          ...note,
        } as PayloadHeader,
        body: payload.bytes,
      };
    case "field":
      return {
        header: {
          kind: "field",
          itemTitle: payload.itemTitle,
          fieldName: payload.fieldName,
          ...note,
        } as PayloadHeader,
        body: encoder.encode(payload.text),
      };
  }
}

const isString = (value: unknown): value is string => typeof value === "string";

/** Throws CryptoError("share link") for anything not written by encodeSharePayload. */
export function decodeSharePayload(bytes: Uint8Array): SharePayload {
  const fail = () => new CryptoError("share link");
  if (bytes.length < 4) throw fail();
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  if (headerLength > SHARE_HEADER_MAX_BYTES || 4 + headerLength > bytes.length) throw fail();
  let header: Record<string, unknown>;
  try {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const parsed: unknown = JSON.parse(decoder.decode(bytes.subarray(4, 4 + headerLength)));
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw fail();
    header = parsed as Record<string, unknown>;
  } catch {
    throw fail();
  }
  const body = bytes.slice(4 + headerLength);
  if (header.note !== undefined && !isString(header.note)) throw fail();
  const note = isString(header.note) ? { note: header.note } : {};
  const text = () => {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      throw fail();
    }
  };
  if (header.kind === "text") return { kind: "text", text: text(), ...note };
  if (header.kind === "file" && isString(header.name) && isString(header.mimeType)) {
    return { kind: "file", name: header.name, mimeType: header.mimeType, bytes: body, ...note };
  }
  if (header.kind === "field" && isString(header.itemTitle) && isString(header.fieldName)) {
    return {
      kind: "field",
      text: text(),
      itemTitle: header.itemTitle,
      fieldName: header.fieldName,
      ...note,
    };
  }
  throw fail();
}

export function sealSharePayload(
  finalKey: Uint8Array,
  linkId: string,
  payload: SharePayload,
): string {
  const sealKey = sealKeyOf(finalKey);
  try {
    return sealEnvelope(sealKey, encodeSharePayload(payload), sharePayloadAd(linkId));
  } finally {
    requireSodium().memzero(sealKey);
  }
}

/** Wrong key, wrong passphrase, another link's ciphertext, tampering: CryptoError("share link"). */
export function openSharePayload(
  finalKey: Uint8Array,
  linkId: string,
  ciphertext: string,
): SharePayload {
  const sealKey = sealKeyOf(finalKey);
  try {
    return decodeSharePayload(
      openEnvelope(sealKey, ciphertext, sharePayloadAd(linkId), "share link"),
    );
  } finally {
    requireSodium().memzero(sealKey);
  }
}
