import { deriveBitwardenKeyBytes, type BitwardenKdf } from "@/lib/sdk/import/bitwarden-crypto";

/**
 * Writes a password-protected Bitwarden export the way bitwarden/clients does (see
 * lib/sdk/import/bitwarden-crypto.ts for the scheme): a random base64 salt used as text, the
 * KDF settings, a validation EncString of a random GUID and the plain export JSON as `data`.
 * The tests use it so that the fixtures' scheme is written down once, in code.
 */
const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function buffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}

export async function encString(
  keys: { encKey: Uint8Array; macKey: Uint8Array },
  plaintext: string,
  iv: Uint8Array = crypto.getRandomValues(new Uint8Array(16)),
): Promise<string> {
  const subtle = globalThis.crypto.subtle;
  const encKey = await subtle.importKey("raw", buffer(keys.encKey), "AES-CBC", false, ["encrypt"]);
  const ciphertext = new Uint8Array(
    await subtle.encrypt(
      { name: "AES-CBC", iv: buffer(iv) },
      encKey,
      buffer(encoder.encode(plaintext)),
    ),
  );
  const macKey = await subtle.importKey(
    "raw",
    buffer(keys.macKey),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const signed = new Uint8Array(iv.length + ciphertext.length);
  signed.set(iv);
  signed.set(ciphertext, iv.length);
  const mac = new Uint8Array(await subtle.sign("HMAC", macKey, buffer(signed)));
  return `2.${toBase64(iv)}|${toBase64(ciphertext)}|${toBase64(mac)}`;
}

export async function encryptBitwardenExport(
  plainExportJson: string,
  password: string,
  kdf: BitwardenKdf,
): Promise<string> {
  const salt = toBase64(crypto.getRandomValues(new Uint8Array(16)));
  const keys = await deriveBitwardenKeyBytes(password, salt, kdf);
  const file = {
    encrypted: true,
    passwordProtected: true,
    salt,
    kdfType: kdf.kdfType,
    kdfIterations: kdf.iterations,
    kdfMemory: kdf.kdfType === 1 ? kdf.memoryMiB : null,
    kdfParallelism: kdf.kdfType === 1 ? kdf.parallelism : null,
    encKeyValidation_DO_NOT_EDIT: await encString(keys, crypto.randomUUID()),
    data: await encString(keys, plainExportJson),
  };
  return JSON.stringify(file, null, 2);
}
