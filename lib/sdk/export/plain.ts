import { stringify } from "csv-stringify/browser/esm/sync";
import { exportContentSchema, type ExportContent, type ItemField } from "@/lib/crypto";

/** The marker the plain JSON file carries, so the importer (and a person) can tell what it is. */
export const PLAIN_EXPORT_FORMAT = "coffer-plain-export";

export const PLAIN_EXPORT_WARNING =
  "This file is not encrypted: anyone with this file can read every secret in it.";

/** The same content as the encrypted file, in the clear and saying so at the top. */
export function plainJsonExport(content: ExportContent): string {
  return `${JSON.stringify(
    { format: PLAIN_EXPORT_FORMAT, version: 1, warning: PLAIN_EXPORT_WARNING, ...content },
    null,
    2,
  )}\n`;
}

/** The content of a plain JSON export, or null when the text is not one. */
export function readPlainJsonExport(value: unknown): ExportContent | null {
  if (typeof value !== "object" || value === null) return null;
  const { format, version, warning, ...content } = value as Record<string, unknown>;
  if (format !== PLAIN_EXPORT_FORMAT || version !== 1 || typeof warning !== "string") return null;
  const parsed = exportContentSchema.safeParse(content);
  return parsed.success ? parsed.data : null;
}

export const CSV_EXPORT_COLUMNS = [
  "vault",
  "type",
  "title",
  "username",
  "password",
  "urls",
  "totp",
  "notes",
  "tags",
  "fields",
] as const;

/**
 * One row per item, for spreadsheets and other tools. The first username, password and TOTP
 * fields get columns of their own; every other field goes, whole, into the `fields` column as
 * JSON, so nothing is lost. URLs and tags are one per line. History is not in the CSV.
 */
export function csvExport(content: ExportContent): string {
  const rows: string[][] = [];
  for (const vault of content.vaults) {
    for (const { plaintext } of vault.items) {
      const taken = new Set<ItemField>();
      const pick = (test: (field: ItemField) => boolean) => {
        const field = plaintext.fields.find(
          (candidate) => !taken.has(candidate) && test(candidate),
        );
        if (field) taken.add(field);
        return field?.value ?? "";
      };
      const username = pick((field) => field.kind === "username" && field.name === "username");
      const password = pick((field) => field.kind === "password" && field.name === "password");
      const totp = pick((field) => field.kind === "totp" && field.name === "totp");
      const others = plaintext.fields.filter((field) => !taken.has(field));
      rows.push([
        vault.name,
        plaintext.type,
        plaintext.title,
        username,
        password,
        plaintext.urls.join("\n"),
        totp,
        plaintext.notes,
        plaintext.tags.join("\n"),
        others.length > 0 ? JSON.stringify(others) : "",
      ]);
    }
  }
  return stringify(rows, { header: true, columns: [...CSV_EXPORT_COLUMNS], quoted_match: /[\s"]/ });
}
