import type { ItemPlaintext } from "@/lib/crypto";
import { formatDotenv } from "../dotenv";
import type { HttpPort } from "../http-port";
import { recordExport } from "./record";

// What a shell and the common dotenv loaders accept as a variable name.
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

export type EnvFileText = {
  text: string;
  /** Field names that are not variable names, left out of the file (named, never their values). */
  skipped: string[];
};

/**
 * An environment-file item as `.env` text: one `NAME=value` line per field, quoted when the
 * value needs it (multi-line values in double quotes, `\n` escaped) by the same serialiser
 * `coffer env` uses, so `parseDotenv` reads back exactly the values.
 */
export function envFileText(plaintext: ItemPlaintext): EnvFileText {
  const usable = plaintext.fields.filter((field) => VARIABLE_NAME.test(field.name));
  const skipped = plaintext.fields
    .filter((field) => !VARIABLE_NAME.test(field.name))
    .map((field) => field.name);
  const entries = usable.map((field) => ({ key: field.name, value: field.value }));
  return { text: entries.length > 0 ? `${formatDotenv(entries)}\n` : "", skipped };
}

/** Records the download or copy of one item as `.env`, then hands back its text. */
export async function exportEnvFile(
  http: HttpPort,
  item: { vaultId: string; itemId: string; plaintext: ItemPlaintext },
): Promise<EnvFileText> {
  await recordExport(http, {
    kind: "env",
    vaults: 1,
    items: 1,
    history: false,
    item: { vaultId: item.vaultId, itemId: item.itemId },
  });
  return envFileText(item.plaintext);
}
