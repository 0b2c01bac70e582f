import {
  CryptoError,
  exportContentSchema,
  exportFileSalt,
  KDF_V1,
  newExportFileKdf,
  openExportFile,
  parseExportFile,
  sealExportFile,
  type ExportContent,
  type KdfParams,
} from "@/lib/crypto";
import type { KdfRunner } from "../kdf-runner";

/** Why an export file did not open, for the importer to turn into one sentence. */
export class ExportFileError extends Error {
  constructor(readonly reason: "malformed" | "wrong_password" | "content") {
    super(`export file: ${reason}`);
    this.name = "ExportFileError";
  }
}

/** Shorter passphrases are refused: the file may be copied anywhere and guessed at offline. */
export const MIN_EXPORT_PASSPHRASE_LENGTH = 10;

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The encrypted Coffer file for `content`. Argon2id runs through the runner (a Web Worker in
 * the browser), with the account KDF's parameters unless a test asks for the floor.
 */
export async function encryptExport(
  kdf: KdfRunner,
  content: ExportContent,
  passphrase: string,
  params: KdfParams = KDF_V1,
): Promise<string> {
  if (passphrase.length < MIN_EXPORT_PASSPHRASE_LENGTH) {
    throw new Error(`The passphrase must be at least ${MIN_EXPORT_PASSPHRASE_LENGTH} characters.`);
  }
  const fileKdf = newExportFileKdf(params);
  const key = await kdf.slowHash(passphrase, exportFileSalt(fileKdf), fileKdf);
  try {
    return sealExportFile(key, fileKdf, utf8.encode(JSON.stringify(content)));
  } finally {
    key.fill(0);
  }
}

/** The content of an encrypted Coffer file; the file's shape is checked before Argon2id runs. */
export async function decryptExport(
  kdf: KdfRunner,
  text: string,
  passphrase: string,
): Promise<ExportContent> {
  let parts: ReturnType<typeof parseExportFile>;
  try {
    parts = parseExportFile(text);
  } catch {
    throw new ExportFileError("malformed");
  }
  const key = await kdf.slowHash(passphrase, exportFileSalt(parts.kdf), parts.kdf);
  let bytes: Uint8Array;
  try {
    bytes = openExportFile(key, parts);
  } catch (error) {
    if (error instanceof CryptoError) throw new ExportFileError("wrong_password");
    throw error;
  } finally {
    key.fill(0);
  }
  return readExportContent(bytes);
}

/** Authentic bytes that are not a v1 export (only a buggy writer could make them). */
export function readExportContent(bytes: Uint8Array): ExportContent {
  let value: unknown;
  try {
    value = JSON.parse(strictUtf8.decode(bytes));
  } catch {
    throw new ExportFileError("content");
  }
  const parsed = exportContentSchema.safeParse(value);
  if (!parsed.success) throw new ExportFileError("content");
  return parsed.data;
}
