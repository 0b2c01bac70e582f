import type { ItemPlaintext } from "@/lib/crypto";
import { csvParser } from "./csv-parser";
import {
  buildItem,
  FIELD,
  importedItem,
  noteWithFields,
  splitFolderPath,
  type FieldInput,
  type ImportWarnings,
  type NamedValue,
} from "./mapping";

/**
 * LastPass's CSV export. A secure note has the URL "http://sn"; a structured one (server,
 * database, card…) keeps its fields in `extra` as "NoteType:…" then "Key:Value" lines, with
 * "Notes:" last and free to span lines. Types Coffer has (SSH key, database, server as a login)
 * are mapped onto them; the rest become notes with named fields.
 */
export type LastPassNote = { noteType: string | null; values: NamedValue[]; notes: string };

const NUMBERED_DOCUMENTS = new Set([
  "Credit Card",
  "Driver's License",
  "Passport",
  "Social Security",
  "Insurance",
  "Health Insurance",
  "Membership",
]);

// Written by LastPass for its own use (the form's language), not something the person entered.
const BOOKKEEPING_KEYS = new Set(["Language"]);

export function parseLastPassExtra(extra: string): LastPassNote {
  const lines = extra.split(/\r?\n/);
  if (!lines[0]?.startsWith("NoteType:")) {
    return { noteType: null, values: [], notes: extra };
  }
  const noteType = lines[0].slice("NoteType:".length).trim();
  const values: NamedValue[] = [];
  let notes = "";
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (line.startsWith("Notes:")) {
      notes = [line.slice("Notes:".length), ...lines.slice(index + 1)].join("\n");
      break;
    }
    const colon = line.indexOf(":");
    const previous = values.at(-1);
    if (colon <= 0) {
      // A value with a line break (an address, a private key) continues on the next lines.
      if (previous && line !== "") previous.value = `${String(previous.value ?? "")}\n${line}`;
      continue;
    }
    const name = line.slice(0, colon).trim();
    if (BOOKKEEPING_KEYS.has(name)) continue;
    values.push({ name, value: line.slice(colon + 1) });
  }
  return { noteType, values, notes };
}

function take(values: NamedValue[], name: string): string {
  const index = values.findIndex((entry) => entry.name === name);
  if (index === -1) return "";
  const [entry] = values.splice(index, 1);
  return String(entry?.value ?? "");
}

function rest(values: NamedValue[]): FieldInput[] {
  return values.map((entry) => ({
    name: entry.name,
    value: entry.value,
    kind: /\n/.test(String(entry.value ?? "")) ? "multiline" : "text",
  }));
}

function structuredNote(
  title: string,
  note: LastPassNote,
  common: { notes: string; tags: string[] },
  warnings: ImportWarnings,
): ItemPlaintext {
  const values = [...note.values];
  switch (note.noteType) {
    case "SSH Key":
      return buildItem(
        {
          ...common,
          type: "ssh_key",
          title,
          fields: [
            { name: FIELD.publicKey, value: take(values, "Public Key"), kind: "public_key" },
            { name: FIELD.privateKey, value: take(values, "Private Key"), kind: "private_key" },
            { name: "Passphrase", value: take(values, "Passphrase"), kind: "password" },
            { name: FIELD.host, value: take(values, "Hostname"), kind: "host" },
            ...rest(values),
          ],
        },
        warnings,
      );
    case "Database":
      return buildItem(
        {
          ...common,
          type: "database",
          title,
          fields: [
            { name: FIELD.host, value: take(values, "Hostname"), kind: "host" },
            { name: FIELD.port, value: take(values, "Port"), kind: "port" },
            { name: FIELD.database, value: take(values, "Database"), kind: "text" },
            { name: FIELD.username, value: take(values, "Username"), kind: "username" },
            { name: FIELD.password, value: take(values, "Password"), kind: "password" },
            ...rest(values),
          ],
        },
        warnings,
      );
    case "Server":
      return buildItem(
        {
          ...common,
          type: "login",
          title,
          fields: [
            { name: FIELD.username, value: take(values, "Username"), kind: "username" },
            { name: FIELD.password, value: take(values, "Password"), kind: "password" },
            { name: FIELD.host, value: take(values, "Hostname"), kind: "host" },
            ...rest(values),
          ],
        },
        warnings,
      );
    default:
      return noteWithFields(
        {
          ...common,
          title,
          sourceType: note.noteType || "secure note",
          values: values.map((entry) =>
            // A card's, licence's or passport's bare "Number" is the sensitive part.
            entry.name === "Number" && NUMBERED_DOCUMENTS.has(note.noteType ?? "")
              ? { ...entry, secret: true }
              : entry,
          ),
        },
        warnings,
      );
  }
}

function sourceTypeOf(isNote: boolean, note: LastPassNote | null): string {
  if (!isNote) return "site";
  return note?.noteType ?? "secure note";
}

const COLUMNS = ["url", "username", "password", "extra", "name", "grouping", "fav"];

export const lastpassCsvParser = csvParser({
  format: "lastpass-csv",
  label: "LastPass (CSV)",
  // Exports from before LastPass added one-time codes lack the totp column.
  headers: [[...COLUMNS.slice(0, 3), "totp", ...COLUMNS.slice(3)], COLUMNS],
  required: COLUMNS,
  row(row, warnings) {
    const isNote = /^https?:\/\/sn\/?$/i.test(row.url?.trim() ?? "");
    const tags = row.fav === "1" ? ["favorite"] : [];
    // LastPass nests folders with a backslash ("Shared-Ops\Servers").
    const folder = splitFolderPath(row.grouping, ["\\"]);
    const title = row.name ?? "";
    let plaintext: ItemPlaintext;
    let note: LastPassNote | null = null;
    if (isNote) {
      note = parseLastPassExtra(row.extra ?? "");
      plaintext = note.noteType
        ? structuredNote(title, note, { notes: note.notes, tags }, warnings)
        : buildItem({ type: "note", title, notes: note.notes, tags }, warnings);
    } else {
      plaintext = buildItem(
        {
          type: "login",
          title,
          fields: [
            { name: FIELD.username, value: row.username, kind: "username" },
            { name: FIELD.password, value: row.password, kind: "password" },
            { name: FIELD.totp, value: row.totp, kind: "totp" },
          ],
          notes: row.extra,
          urls: [row.url],
          tags,
        },
        warnings,
      );
    }
    return importedItem(plaintext, { folder, sourceType: sourceTypeOf(isNote, note) }, warnings);
  },
});
