import { csvParser } from "./csv-parser";
import {
  buildItem,
  FIELD,
  importedItem,
  isSensitiveName,
  splitFolderPath,
  type FieldInput,
} from "./mapping";
import type { ImportWarnings } from "./mapping";

const LOGIN_COLUMNS = [
  "type",
  "name",
  "notes",
  "fields",
  "reprompt",
  "login_uri",
  "login_username",
  "login_password",
  "login_totp",
];

/**
 * Custom fields as Bitwarden's CSV writes them: one "name: value" per line. The CSV does not say
 * which were hidden, so a name that sounds secret (PIN, token, password…) makes the field
 * secret; a line without ": " continues the previous value (a multi-line value).
 */
export function parseBitwardenCsvFields(text: string): FieldInput[] {
  const fields: FieldInput[] = [];
  for (const line of text.split(/\r?\n/)) {
    const separator = line.indexOf(": ");
    const previous = fields.at(-1);
    if (separator === -1) {
      if (previous && line !== "") {
        previous.value = `${String(previous.value)}\n${line}`;
        previous.kind = "multiline";
      } else if (line.trim() !== "") {
        fields.push({ name: line.trim().replace(/:$/, ""), value: "", keepEmpty: true });
      }
      continue;
    }
    const name = line.slice(0, separator).trim();
    fields.push({
      name,
      value: line.slice(separator + 2),
      kind: "text",
      secret: isSensitiveName(name),
      keepEmpty: true,
    });
  }
  return fields;
}

function folderOf(row: Record<string, string>, title: string, warnings: ImportWarnings): string[] {
  if (row.folder !== undefined) return splitFolderPath(row.folder);
  // An organisation export lists collections, comma separated; an item goes into the first.
  const collections = (row.collections ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (collections.length > 1) {
    warnings.add(
      "dropped_field",
      `"${title}" is also in the collection(s) ${collections
        .slice(1)
        .map((name) => `"${name}"`)
        .join(", ")}; it was imported once, into the first.`,
      title,
    );
  }
  return splitFolderPath(collections[0]);
}

/** Bitwarden's CSV export (logins and secure notes only: Bitwarden leaves cards out of CSV). */
export const bitwardenCsvParser = csvParser({
  format: "bitwarden-csv",
  label: "Bitwarden (CSV)",
  headers: [
    ["folder", "favorite", ...LOGIN_COLUMNS],
    ["collections", ...LOGIN_COLUMNS],
    // Before Bitwarden added the master-password re-prompt (2021) there was no reprompt column.
    ["folder", "favorite", ...LOGIN_COLUMNS.filter((column) => column !== "reprompt")],
    ["collections", ...LOGIN_COLUMNS.filter((column) => column !== "reprompt")],
  ],
  required: ["type", "name", "login_username", "login_password"],
  row(row, warnings) {
    const isLogin = row.type !== "note";
    const custom = parseBitwardenCsvFields(row.fields ?? "");
    const plaintext = buildItem(
      {
        type: isLogin ? "login" : "note",
        title: row.name,
        fields: isLogin
          ? [
              { name: FIELD.username, value: row.login_username, kind: "username" },
              { name: FIELD.password, value: row.login_password, kind: "password" },
              { name: FIELD.totp, value: row.login_totp, kind: "totp" },
              ...custom,
            ]
          : custom,
        notes: row.notes,
        urls: isLogin ? (row.login_uri ?? "").split(",") : [],
        tags: row.favorite === "1" ? ["favorite"] : [],
      },
      warnings,
    );
    if (row.reprompt === "1") {
      warnings.dropped(plaintext.title, "the master-password re-prompt setting");
    }
    return importedItem(
      plaintext,
      { folder: folderOf(row, plaintext.title, warnings), sourceType: row.type || "login" },
      warnings,
    );
  },
});
