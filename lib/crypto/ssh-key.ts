import { requireSodium } from "./sodium";

/**
 * Ed25519 SSH keys made in the browser, so a generated private key exists only inside an
 * encrypted item. Formats follow OpenSSH: the public key line of RFC 8709 / RFC 4253 §6.6 and
 * the unencrypted "openssh-key-v1" private key container (OpenSSH's PROTOCOL.key).
 */
export type SshKey = { publicKey: string; privateKey: string; fingerprint: string };

const KEY_TYPE = "ssh-ed25519";
const SEED_BYTES = 32;
const AUTH_MAGIC = "openssh-key-v1\0";
// Cipher "none" pads the private section to OpenSSH's minimum block size.
const BLOCK_SIZE = 8;
const PEM_LINE_LENGTH = 70;

function concat(parts: Uint8Array[]): Uint8Array {
  const output = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    output.set(part, offset);
    offset += part.length;
  }
  return output;
}

function uint32(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value >>> 0);
  return bytes;
}

/** SSH wire "string": uint32 big-endian length, then the bytes. */
function sshString(value: Uint8Array | string): Uint8Array {
  const bytes = typeof value === "string" ? requireSodium().from_string(value) : value;
  return concat([uint32(bytes.length), bytes]);
}

function base64(bytes: Uint8Array, padded: boolean): string {
  const sodium = requireSodium();
  const variant = padded
    ? sodium.base64_variants.ORIGINAL
    : sodium.base64_variants.ORIGINAL_NO_PADDING;
  return sodium.to_base64(bytes, variant);
}

export function generateSshKey(comment: string): SshKey {
  const sodium = requireSodium();
  const seed = sodium.randombytes_buf(SEED_BYTES);
  try {
    return sshKeyFromSeed(seed, comment);
  } finally {
    sodium.memzero(seed);
  }
}

/**
 * Deterministic for a given seed and check value (test vectors). The check value is two equal
 * uint32s OpenSSH uses to detect a wrong passphrase on encrypted keys; for an unencrypted key
 * it carries no secret, and it is random unless given.
 */
export function sshKeyFromSeed(seed: Uint8Array, comment: string, checkInt?: number): SshKey {
  const sodium = requireSodium();
  if (seed.length !== SEED_BYTES) {
    throw new Error(`sshKeyFromSeed: seed must be ${SEED_BYTES} bytes`);
  }
  // A line break would end the public key line early or inject a second key into
  // authorized_keys; other control characters would corrupt how the comment is displayed.
  if (/[\u0000-\u001f\u007f]/.test(comment)) {
    throw new Error("sshKeyFromSeed: the comment must not contain control characters");
  }
  if (
    checkInt !== undefined &&
    (!Number.isInteger(checkInt) || checkInt < 0 || checkInt > 0xffffffff)
  ) {
    throw new Error("sshKeyFromSeed: the check value must be a uint32");
  }
  const { publicKey, privateKey } = sodium.crypto_sign_seed_keypair(seed);
  const publicBlob = concat([sshString(KEY_TYPE), sshString(publicKey)]);
  const check = uint32(checkInt ?? sodium.randombytes_random());
  // libsodium's 64-byte Ed25519 private key is seed || public key, the layout OpenSSH stores.
  const unpadded = concat([
    check,
    check,
    sshString(KEY_TYPE),
    sshString(publicKey),
    sshString(privateKey),
    sshString(comment),
  ]);
  const paddingLength = (BLOCK_SIZE - (unpadded.length % BLOCK_SIZE)) % BLOCK_SIZE;
  const padding = Uint8Array.from({ length: paddingLength }, (_, index) => index + 1);
  const privateSection = concat([unpadded, padding]);
  const container = concat([
    sodium.from_string(AUTH_MAGIC),
    sshString("none"),
    sshString("none"),
    sshString(""),
    uint32(1),
    sshString(publicBlob),
    sshString(privateSection),
  ]);
  const body = base64(container, true).match(new RegExp(`.{1,${PEM_LINE_LENGTH}}`, "g")) ?? [];
  sodium.memzero(privateKey);
  sodium.memzero(unpadded);
  sodium.memzero(privateSection);
  sodium.memzero(container);
  return {
    publicKey: [KEY_TYPE, base64(publicBlob, true), ...(comment === "" ? [] : [comment])].join(" "),
    privateKey: [
      "-----BEGIN OPENSSH PRIVATE KEY-----",
      ...body,
      "-----END OPENSSH PRIVATE KEY-----",
      "",
    ].join("\n"),
    fingerprint: `SHA256:${base64(sodium.crypto_hash_sha256(publicBlob), false)}`,
  };
}
