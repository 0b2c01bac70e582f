import { z } from "zod";
import { fromBase64Url, toBase64Url } from "./base64url";
import { compose } from "./compose";
import { isEnvelope, openEnvelope, sealEnvelope } from "./envelope";
import { CryptoError } from "./errors";
import { itemPlaintextSchema, type ItemPlaintext } from "./items";
import { KDF_CEILING, KDF_FLOOR, KDF_V1, type KdfParams } from "./kdf-params";
import { requireSodium } from "./sodium";

/**
 * Coffer's encrypted export file (docs/security.md, "Export file"): a header line naming the
 * format and version, then one line of JSON `{ kdf, ciphertext }`. The key is
 * Argon2id(passphrase NFKC, kdf.salt, kdf.opslimit, kdf.memlimit); the ciphertext is an
 * envelope (XChaCha20-Poly1305) whose AD binds the header's version and every KDF parameter,
 * so a file whose parameters were edited (to make guessing cheaper, say) fails to open.
 */
export const EXPORT_FILE_HEADER = "coffer-export v1";

const SALT_BYTES = 16;

export type ExportFileKdf = KdfParams & { salt: string };

export type ExportFileParts = { kdf: ExportFileKdf; ciphertext: string };

const exportFileBody = z.strictObject({
  kdf: z.strictObject({
    alg: z.literal("argon2id13"),
    salt: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
    opslimit: z.number().int().min(KDF_FLOOR.opslimit).max(KDF_CEILING.opslimit),
    memlimit: z.number().int().min(KDF_FLOOR.memlimit).max(KDF_CEILING.memlimit),
  }),
  ciphertext: z.string().refine(isEnvelope),
});

/** A fresh salt with the account KDF's parameters: an export is guessed at no cheaper. */
export function newExportFileKdf(params: KdfParams = KDF_V1): ExportFileKdf {
  return { ...params, salt: toBase64Url(requireSodium().randombytes_buf(SALT_BYTES)) };
}

export function exportFileSalt(kdf: ExportFileKdf): Uint8Array {
  return fromBase64Url(kdf.salt);
}

// DO NOT REMOVE a field: each one is what stops an edit of that part of the file going unnoticed.
export function exportFileAd(kdf: ExportFileKdf): string {
  return compose("coffer", "export", "v1", kdf.alg, kdf.salt, kdf.opslimit, kdf.memlimit);
}

/** True when the text starts like an export file (cheap: detection looks at the first line). */
export function looksLikeExportFile(text: string): boolean {
  return text.startsWith(`${EXPORT_FILE_HEADER}\n`) || text.startsWith(`${EXPORT_FILE_HEADER}\r\n`);
}

/** `key` is the 32-byte Argon2id output for `kdf`; the caller derives it (KdfRunner). */
export function sealExportFile(key: Uint8Array, kdf: ExportFileKdf, plaintext: Uint8Array): string {
  const ciphertext = sealEnvelope(key, plaintext, exportFileAd(kdf));
  const body: ExportFileParts = {
    kdf: { alg: kdf.alg, salt: kdf.salt, opslimit: kdf.opslimit, memlimit: kdf.memlimit },
    ciphertext,
  };
  return `${EXPORT_FILE_HEADER}\n${JSON.stringify(body)}\n`;
}

/**
 * The header and JSON of a file, checked for shape before any Argon2id runs: a truncated or
 * foreign file, or parameters outside the floor and ceiling, raise CryptoError("export file").
 */
export function parseExportFile(text: string): ExportFileParts {
  if (!looksLikeExportFile(text)) throw new CryptoError("export file");
  const rest = text.slice(text.indexOf("\n") + 1).trim();
  let value: unknown;
  try {
    value = JSON.parse(rest);
  } catch {
    throw new CryptoError("export file");
  }
  const parsed = exportFileBody.safeParse(value);
  if (!parsed.success) throw new CryptoError("export file");
  return parsed.data;
}

/** The plaintext bytes; a wrong passphrase or any tampering raises CryptoError("export"). */
export function openExportFile(key: Uint8Array, parts: ExportFileParts): Uint8Array {
  return openEnvelope(key, parts.ciphertext, exportFileAd(parts.kdf), "export");
}

/** What an export holds: every vault the person could read, with item history when asked. */
export const exportContentSchema = z.strictObject({
  exportedAt: z.string(),
  vaults: z.array(
    z.strictObject({
      name: z.string(),
      environment: z.string().nullable().optional(),
      items: z.array(
        z.strictObject({
          plaintext: itemPlaintextSchema,
          /** Older versions, oldest first. */
          history: z.array(itemPlaintextSchema).optional(),
        }),
      ),
    }),
  ),
});

export type ExportContent = {
  exportedAt: string;
  vaults: Array<{
    name: string;
    environment?: string | null;
    items: Array<{ plaintext: ItemPlaintext; history?: ItemPlaintext[] }>;
  }>;
};
