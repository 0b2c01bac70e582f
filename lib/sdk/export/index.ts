import { KDF_V1, type KdfParams } from "@/lib/crypto";
import type { ExportKind } from "@/lib/api/export";
import type { HttpPort } from "../http-port";
import type { KdfRunner } from "../kdf-runner";
import type { VaultSession } from "../vaults";
import { collectExport, type CollectOptions, type ExportOmission } from "./collect";
import { encryptExport, MIN_EXPORT_PASSPHRASE_LENGTH } from "./encrypted";
import { csvExport, plainJsonExport } from "./plain";
import { recordExport } from "./record";

export * from "./collect";
export * from "./encrypted";
export * from "./env-file";
export * from "./plain";
export * from "./record";

export type WholeExportFormat = "coffer" | "json" | "csv";

const kindOf: Record<WholeExportFormat, ExportKind> = {
  coffer: "encrypted",
  json: "json",
  csv: "csv",
};

export const EXPORT_FILE_EXTENSIONS: Record<WholeExportFormat, string> = {
  coffer: "coffer",
  json: "json",
  csv: "csv",
};

export type BuiltExport = {
  text: string;
  format: WholeExportFormat;
  vaultCount: number;
  itemCount: number;
  omitted: ExportOmission[];
};

/**
 * Decrypts what the person can read, records the export with the server, and only then writes
 * the file (the encrypted one after Argon2id of the passphrase). A refused record stops it.
 */
export async function buildExport(
  ports: { session: VaultSession; http: HttpPort; kdf: KdfRunner },
  options: CollectOptions & {
    format: WholeExportFormat;
    passphrase?: string;
    /** Tests use the floor to keep Argon2id short; everyone else gets the account default. */
    kdfParams?: KdfParams;
  },
): Promise<BuiltExport> {
  if (
    options.format === "coffer" &&
    (options.passphrase ?? "").length < MIN_EXPORT_PASSPHRASE_LENGTH
  ) {
    throw new Error(`The passphrase must be at least ${MIN_EXPORT_PASSPHRASE_LENGTH} characters.`);
  }
  // A CSV has no place for history, so none is fetched for one.
  const history = options.history === true && options.format !== "csv";
  const collected = await collectExport(ports.session, { ...options, history });
  await recordExport(ports.http, {
    kind: kindOf[options.format],
    vaults: collected.vaultCount,
    items: collected.itemCount,
    history,
  });
  const text =
    options.format === "coffer"
      ? await encryptExport(
          ports.kdf,
          collected.content,
          options.passphrase ?? "",
          options.kdfParams ?? KDF_V1,
        )
      : options.format === "json"
        ? plainJsonExport(collected.content)
        : csvExport(collected.content);
  return {
    text,
    format: options.format,
    vaultCount: collected.vaultCount,
    itemCount: collected.itemCount,
    omitted: collected.omitted,
  };
}
