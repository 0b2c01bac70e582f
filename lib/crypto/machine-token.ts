import { fromBase64Url, toBase64Url } from "./base64url";
import { base62Width, decodeBase62, encodeBase62 } from "./base62";
import { compose } from "./compose";
import { crc32 } from "./crc32";
import { openEnvelope, sealEnvelope } from "./envelope";
import { CryptoError } from "./errors";
import { requireSodium } from "./sodium";

/** `sa`: a session token; `bt`: a one-use bootstrap token; `mt`: mints bootstrap tokens only. */
export type MachineTokenKind = "sa" | "bt" | "mt";
export const MACHINE_TOKEN_KINDS: readonly MachineTokenKind[] = ["sa", "bt", "mt"];

export const TOKEN_ID_BYTES = 16;
export const AUTH_SECRET_BYTES = 32;
export const TOKEN_KEY_BYTES = 32;

const SECRET_WIDTH = base62Width(TOKEN_ID_BYTES + AUTH_SECRET_BYTES + TOKEN_KEY_BYTES);
const BEARER_WIDTH = base62Width(TOKEN_ID_BYTES + AUTH_SECRET_BYTES);
const CHECKSUM_WIDTH = 6;

/**
 * What a secret scanner looks for: the fixed prefix, a kind, then exactly 114 base62
 * characters, the last six a CRC-32 of everything before them. Documented in docs/security.md.
 */
export const MACHINE_TOKEN_PATTERN = new RegExp(
  `\\bcoffer_(?:sa|bt|mt)_[0-9A-Za-z]{${SECRET_WIDTH + CHECKSUM_WIDTH}}\\b`,
);

/**
 * A machine token as its holder keeps it. The server learns `tokenId` and `authSecret` (it
 * stores only a hash of the latter) and never `tokenKey`, which unwraps the service account's
 * saKey on the machine itself.
 */
export interface MachineToken {
  kind: MachineTokenKind;
  tokenId: Uint8Array;
  authSecret: Uint8Array;
  tokenKey: Uint8Array;
}

export function newMachineToken(kind: MachineTokenKind): MachineToken {
  const sodium = requireSodium();
  return {
    kind,
    tokenId: sodium.randombytes_buf(TOKEN_ID_BYTES),
    authSecret: sodium.randombytes_buf(AUTH_SECRET_BYTES),
    tokenKey: sodium.randombytes_buf(TOKEN_KEY_BYTES),
  };
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

const checksumOf = (body: string) =>
  encodeBase62(uint32Bytes(crc32(new TextEncoder().encode(body))), CHECKSUM_WIDTH);

function uint32Bytes(value: number): Uint8Array {
  return new Uint8Array([value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);
}

/** `coffer_<kind>_<base62(tokenId ‖ authSecret ‖ tokenKey)><checksum6>` */
export function formatMachineToken(token: MachineToken): string {
  const body = `coffer_${token.kind}_${encodeBase62(
    concat(token.tokenId, token.authSecret, token.tokenKey),
    SECRET_WIDTH,
  )}`;
  return body + checksumOf(body);
}

const isKind = (kind: string): kind is MachineTokenKind =>
  (MACHINE_TOKEN_KINDS as readonly string[]).includes(kind);

/** Throws CryptoError("machine token") for anything but a well-formed token with its checksum. */
export function parseMachineToken(text: string): MachineToken {
  const match = /^coffer_([a-z]{2})_([0-9A-Za-z]+)$/.exec(text.trim());
  const kind = match?.[1] ?? "";
  const rest = match?.[2] ?? "";
  if (!isKind(kind) || rest.length !== SECRET_WIDTH + CHECKSUM_WIDTH) {
    throw new CryptoError("machine token");
  }
  const body = `coffer_${kind}_${rest.slice(0, SECRET_WIDTH)}`;
  if (checksumOf(body) !== rest.slice(SECRET_WIDTH)) throw new CryptoError("machine token");
  const bytes = decodeBase62(
    rest.slice(0, SECRET_WIDTH),
    TOKEN_ID_BYTES + AUTH_SECRET_BYTES + TOKEN_KEY_BYTES,
  );
  if (!bytes) throw new CryptoError("machine token");
  return {
    kind,
    tokenId: bytes.slice(0, TOKEN_ID_BYTES),
    authSecret: bytes.slice(TOKEN_ID_BYTES, TOKEN_ID_BYTES + AUTH_SECRET_BYTES),
    tokenKey: bytes.slice(TOKEN_ID_BYTES + AUTH_SECRET_BYTES),
  };
}

/**
 * What travels in `Authorization: Bearer …`: the token without its tokenKey, so a server log
 * or a proxy that records the header still cannot unwrap the service account's keys.
 */
export function bearerCredential(token: MachineToken): string {
  return `coffer_${token.kind}_${encodeBase62(concat(token.tokenId, token.authSecret), BEARER_WIDTH)}`;
}

export interface BearerCredential {
  kind: MachineTokenKind;
  /** base64url, as the server stores it. */
  tokenId: string;
  authSecret: Uint8Array;
}

/** Null for anything that is not a bearer credential in the format above. */
export function parseBearerCredential(text: string): BearerCredential | null {
  const match = /^coffer_([a-z]{2})_([0-9A-Za-z]+)$/.exec(text);
  const kind = match?.[1] ?? "";
  const rest = match?.[2] ?? "";
  if (!isKind(kind) || rest.length !== BEARER_WIDTH) return null;
  const bytes = decodeBase62(rest, TOKEN_ID_BYTES + AUTH_SECRET_BYTES);
  if (!bytes) return null;
  return {
    kind,
    tokenId: toBase64Url(bytes.slice(0, TOKEN_ID_BYTES)),
    authSecret: bytes.slice(TOKEN_ID_BYTES),
  };
}

/** The token's id as the server stores and shows it. */
export const machineTokenId = (token: MachineToken) => toBase64Url(token.tokenId);

/** SHA-256 of the auth secret, base64url: all the server keeps to recognise the token. */
export function authSecretHash(authSecret: Uint8Array): string {
  return toBase64Url(requireSodium().crypto_hash_sha256(authSecret));
}

// The AD names the token: the server cannot hand one token's wrapped saKey to another token.
export function tokenKeyAd(tokenId: string): string {
  return compose("coffer", "token", "v1", tokenId);
}

export function wrapSaKeyForToken(token: MachineToken, saKey: Uint8Array): string {
  return sealEnvelope(token.tokenKey, saKey, tokenKeyAd(machineTokenId(token)));
}

export function unwrapSaKeyForToken(token: MachineToken, wrapped: string): Uint8Array {
  return openEnvelope(token.tokenKey, wrapped, tokenKeyAd(machineTokenId(token)), "token key");
}

/** For tests and tooling that hold a tokenId as text. */
export const tokenIdBytes = (tokenId: string) => fromBase64Url(tokenId);
