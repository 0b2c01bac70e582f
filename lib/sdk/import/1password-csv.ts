import Papa from "papaparse";
import type { ItemType } from "@/lib/crypto";
import { ONEPASSWORD_ROLES } from "./1password-fields";
import { readCsv, type CsvRow } from "./csv";
import {
  buildItem,
  decodeText,
  FIELD,
  importedItem,
  ImportWarnings,
  isSensitiveName,
  peekText,
  UNTITLED,
  type FieldInput,
} from "./mapping";
import type { ImportedItem, ImportFile, ImportParser } from "./types";

/**
 * What a column means. 1Password 8 writes a fixed set (Title, Url, Username, Password,
 * OTPAuth, Favorite, Archived, Tags, Notes); 1Password 7 writes every field of every category,
 * as "label(id)" on a Mac and "SECTION n: NAME" / "NAME n: LABEL" on Windows. Known columns map
 * to their meaning; the rest become named fields of the item, never all "custom" fields.
 */
type KnownRole =
  | "title"
  | "url"
  | "urls"
  | "username"
  | "password"
  | "totp"
  | "notes"
  | "tags"
  | "archived"
  | "type"
  | "email"
  // Bookkeeping 1Password adds to every row (favourite flag, UUID, dates); Coffer keeps its own.
  | "ignored";

type Column = { role: KnownRole } | { role: "field"; label: string; id: string };

const KNOWN: Record<string, KnownRole> = {
  title: "title",
  url: "url",
  website: "url",
  "login url": "url",
  urls: "urls",
  username: "username",
  "login username": "username",
  password: "password",
  "login password": "password",
  otpauth: "totp",
  "one-time password": "totp",
  notes: "notes",
  notesplain: "notes",
  tags: "tags",
  archived: "archived",
  type: "type",
  category: "type",
  email: "email",
  favorite: "ignored",
  uuid: "ignored",
  scope: "ignored",
  autosubmit: "ignored",
  ainfo: "ignored",
  ps: "ignored",
  "created date": "ignored",
  "modified date": "ignored",
};

// The Mac writes 1Password's labels as they are, mostly lower case ("cardholder name",
// "PIN"); Windows in capitals ("SECRET KEY"). Shown as "Cardholder name", "PIN", "Secret key".
function capitalised(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function sentenceCase(label: string): string {
  return label === label.toUpperCase() && /[A-Z]/.test(label)
    ? label.charAt(0) + label.slice(1).toLowerCase()
    : capitalised(label);
}

function columnMeaning(header: string): Column {
  const trimmed = header.trim();
  const known = KNOWN[trimmed.toLowerCase()];
  if (known) return { role: known };
  const mac = /^(.*)\(([^()]+)\)$/.exec(trimmed);
  if (mac) {
    const label = (mac[1] ?? "").trim() || (mac[2] ?? "");
    return { role: "field", label: capitalised(label), id: mac[2] ?? "" };
  }
  // A Windows section heading column holds the section's title, not a value.
  if (/^SECTION \d+: /i.test(trimmed)) return { role: "ignored" };
  const windows = /^(?:.+ )?\d+: (.+)$/.exec(trimmed);
  if (windows) return { role: "field", label: sentenceCase(windows[1] ?? ""), id: "" };
  return { role: "field", label: sentenceCase(trimmed), id: "" };
}

// Ids of 1Password fields that hold a card's or account's secret digits; a bare "number"
// column is only written for cards, passports, licences and memberships.
const SECRET_IDS = new Set(["ccnum", "cvv", "pin", "telephonepin", "accountno", "number"]);

function isSecretColumn(label: string, id: string): boolean {
  return (
    isSensitiveName(label) ||
    isSensitiveName(id) ||
    SECRET_IDS.has(id.toLowerCase()) ||
    /^number$/i.test(label)
  );
}

const TYPES: Record<string, ItemType> = {
  login: "login",
  password: "login",
  server: "login",
  "secure note": "note",
  database: "database",
  "api credential": "api_key",
  "ssh key": "ssh_key",
};

// The Mac writes tags as a property list, {( "Starter Kit", work )}; 1Password 8 as "a,b".
function splitTags(raw: string): string[] {
  return raw
    .replace(/^\s*\{\(|\)\}\s*$/g, "")
    .split(/[,\n]/)
    .map((tag) =>
      tag
        .replace(/\\/g, "")
        .replace(/^\s*"|"\s*$/g, "")
        .trim(),
    )
    .filter((tag) => tag !== "");
}

function rowItem(
  row: CsvRow,
  columns: { key: string; meaning: Column }[],
  warnings: ImportWarnings,
): ImportedItem {
  const values = (role: Column["role"]): string[] =>
    columns
      .filter((column) => column.meaning.role === role)
      .map((column) => row[column.key] ?? "")
      .filter((value) => value.trim() !== "");
  const first = (role: Column["role"]): string => values(role)[0] ?? "";

  const sourceType = first("type").trim();
  const knownType = TYPES[sourceType.toLowerCase()];
  const username = first("username");
  const password = first("password");
  const totp = first("totp");
  const urls = [...values("url"), ...values("urls").flatMap((value) => value.split(/\r?\n/))];
  const looksLikeLogin = username !== "" || password !== "" || totp !== "" || urls.length > 0;
  const type: ItemType = knownType ?? (sourceType === "" && looksLikeLogin ? "login" : "note");
  const converted = sourceType !== "" && knownType === undefined;
  const roles = ONEPASSWORD_ROLES[type] ?? {};

  const fields: FieldInput[] = [
    { name: FIELD.username, value: username, kind: "username" },
    { name: FIELD.password, value: password, kind: "password", secret: true },
    { name: FIELD.totp, value: totp, kind: "totp" },
    { name: FIELD.email, value: first("email"), kind: "email" },
  ];
  for (const { key, meaning } of columns) {
    if (meaning.role !== "field") continue;
    const value = row[key] ?? "";
    // 1Password 7 writes a column for every field of every category: empty means "not this
    // category", not a value the person left blank.
    if (value.trim() === "") continue;
    const role = roles[meaning.id];
    if (role) {
      fields.push({ ...role, value });
      continue;
    }
    fields.push({
      name: meaning.label,
      value,
      kind: value.includes("\n") ? "multiline" : "text",
      secret: isSecretColumn(meaning.label, meaning.id),
    });
  }
  const plaintext = buildItem(
    {
      type,
      title: first("title") || UNTITLED,
      fields,
      notes: values("notes").join("\n\n"),
      urls,
      tags: values("tags").flatMap(splitTags),
    },
    warnings,
  );
  if (converted) warnings.converted(plaintext.title, sourceType);
  const archived = /^(true|yes|1)$/i.test(first("archived").trim());
  return importedItem(
    plaintext,
    { state: archived ? "archived" : "active", sourceType: sourceType || "Login" },
    warnings,
  );
}

/** The first record of the file with the real CSV parser: 1Password 7's header runs long. */
function headerOf(text: string): string[] {
  const result = Papa.parse<string[]>(text, { preview: 1, skipEmptyLines: true });
  return (result.data[0] ?? []).map((column) => column.trim());
}

function isOnePasswordHeader(header: readonly string[]): boolean {
  const columns = new Set(header.map((column) => column.toLowerCase()));
  if (!columns.has("title")) return false;
  // 1Password 8: its fixed set, told apart from Safari's (which has OTPAuth too) by these two.
  if (columns.has("otpauth") && (columns.has("favorite") || columns.has("archived"))) return true;
  // 1Password 7 for Windows: item UUIDs and autofill scope on every row.
  if (columns.has("uuid") && (columns.has("scope") || columns.has("autosubmit"))) return true;
  // 1Password 7 for Mac: "label(id)" columns, or its timestamps beside a Type column.
  const macColumns = header.filter((column) => /^[^()]*\S\([A-Za-z_]+\)$/.test(column)).length;
  return (
    macColumns >= 2 ||
    columns.has("notesplain") ||
    (columns.has("type") && (columns.has("created date") || columns.has("modified date")))
  );
}

/** 1Password's CSV exports: 1Password 8's fixed columns and 1Password 7's Mac and Windows sets. */
export const onePasswordCsvParser: ImportParser = {
  format: "1password-csv",
  label: "1Password (CSV)",
  detect(file: ImportFile): boolean {
    return isOnePasswordHeader(headerOf(peekText(file.bytes, 65536)));
  },
  needsPassword: () => false,
  async parse(file: ImportFile) {
    const table = readCsv(file.bytes, "1Password CSV", ["title"]);
    const original = headerOf(decodeText(file.bytes, "This 1Password CSV file"));
    const columns = table.header.map((key, index) => ({
      key,
      meaning: columnMeaning(original[index] ?? key),
    }));
    const warnings = new ImportWarnings();
    const items = table.rows.map((row) => rowItem(row, columns, warnings));
    return { format: "1password-csv", items, folders: [], warnings: warnings.list };
  },
};
