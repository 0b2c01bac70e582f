import { unzipSync } from "fflate";
import type { ItemPlaintext } from "@/lib/crypto";
import { readCsv, type CsvRow } from "./csv";
import { csvParser } from "./csv-parser";
import {
  buildItem,
  collectFolders,
  ImportWarnings,
  FIELD,
  importedItem,
  noteWithFields,
  splitFolderPath,
  titleFromUrl,
  type NamedValue,
} from "./mapping";
import {
  ImportError,
  type ImportedItem,
  type ImportFile,
  type ImportParser,
  type ImportResult,
} from "./types";

/**
 * Dashlane's CSV export is a zip of one CSV per kind, read whole or one file at a time; each is
 * recognised by its header: credentials.csv (logins), securenotes.csv, payments.csv (cards and
 * bank accounts) and ids.csv (passports, licences, ID cards). Payments and ids become notes
 * with named fields; any other CSV in the zip (personalInfo.csv) too, one field per column.
 */
const CREDENTIALS = [
  "username",
  "username2",
  "username3",
  "title",
  "password",
  "note",
  "url",
  "category",
];
const SECURE_NOTES = ["title", "note"];
const PAYMENTS = [
  "type",
  "account_name",
  "account_holder",
  "cc_number",
  "code",
  "expiration_month",
  "expiration_year",
  "routing_number",
  "account_number",
  "country",
  "issuing_bank",
];
const IDS = ["type", "number", "name", "issue_date", "expiration_date", "place_of_issue", "state"];

type Kind = "credential" | "note" | "payment" | "id";

function has(header: string[], columns: string[]): boolean {
  return columns.every((column) => header.includes(column));
}

function kindOf(header: string[]): Kind | null {
  if (has(header, ["cc_number", "account_number"])) return "payment";
  if (has(header, ["number", "place_of_issue"])) return "id";
  if (has(header, ["username", "title", "password", "url"])) return "credential";
  if (has(header, SECURE_NOTES)) return "note";
  return null;
}

const LABELS: Record<string, string> = {
  account_name: "Name",
  account_holder: "Account holder",
  cc_number: "Card number",
  code: "Security code",
  expiration_month: "Expiry month",
  expiration_year: "Expiry year",
  routing_number: "Routing number",
  account_number: "Account number",
  country: "Country",
  issuing_bank: "Issuing bank",
  number: "Number",
  name: "Name",
  issue_date: "Issue date",
  expiration_date: "Expiry date",
  place_of_issue: "Place of issue",
  state: "State",
};

function named(row: CsvRow, columns: string[]): NamedValue[] {
  return columns.map((column) => ({
    name: LABELS[column] ?? column,
    value: row[column],
    // An ID's document number is what identifies the person.
    secret: column === "number" ? true : undefined,
  }));
}

function credential(row: CsvRow, warnings: ImportWarnings): ItemPlaintext {
  return buildItem(
    {
      type: "login",
      title: row.title || titleFromUrl(row.url),
      fields: [
        { name: FIELD.username, value: row.username, kind: "username" },
        // Named here, not left to de-duplication, which would warn about a clash that is not one.
        { name: `${FIELD.username} 2`, value: row.username2, kind: "username" },
        { name: `${FIELD.username} 3`, value: row.username3, kind: "username" },
        { name: FIELD.password, value: row.password, kind: "password" },
        { name: FIELD.totp, value: row.otpurl || row.otpsecret, kind: "totp" },
      ],
      notes: row.note,
      urls: [row.url],
    },
    warnings,
  );
}

const singleCsvParser = csvParser({
  format: "dashlane-csv",
  label: "Dashlane (CSV)",
  headers: [[...CREDENTIALS, "otpsecret"], [...CREDENTIALS, "otpurl"], SECURE_NOTES, PAYMENTS, IDS],
  required: [],
  accepts: (header) => kindOf(header) !== null,
  row(row, warnings, header) {
    switch (kindOf(header)) {
      case "credential": {
        // Dashlane's "category" is the person's own grouping, the closest thing it has to folders.
        const plaintext = credential(row, warnings);
        return importedItem(
          plaintext,
          { folder: splitFolderPath(row.category), sourceType: "credential" },
          warnings,
        );
      }
      case "note": {
        const plaintext = buildItem({ type: "note", title: row.title, notes: row.note }, warnings);
        return importedItem(plaintext, { sourceType: "secure note" }, warnings);
      }
      case "payment": {
        const sourceType = row.type === "bank" ? "bank account" : "payment card";
        const plaintext = noteWithFields(
          {
            title: row.account_name || row.issuing_bank,
            sourceType,
            values: [{ name: "Type", value: row.type }, ...named(row, PAYMENTS.slice(1))],
          },
          warnings,
        );
        return importedItem(plaintext, { sourceType }, warnings);
      }
      case "id": {
        const sourceType = row.type ? `${row.type.replace(/_/g, " ")} document` : "ID document";
        const plaintext = noteWithFields(
          {
            title: row.name ? `${row.name} (${row.type || "ID"})` : row.type,
            sourceType,
            values: [{ name: "Type", value: row.type }, ...named(row, IDS.slice(1))],
          },
          warnings,
        );
        return importedItem(plaintext, { sourceType }, warnings);
      }
      default:
        return null;
    }
  },
});

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// Far above any real export; a zip claiming more is refused before it is inflated.
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
const DAMAGED = "This Dashlane zip is damaged or incomplete; export it again from Dashlane.";

function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((byte, index) => bytes[index] === byte);
}

function baseName(path: string): string {
  return path.split("/").at(-1) ?? path;
}

/** The CSV files of the zip, by base name, or null when it is not a readable zip. */
function csvEntries(bytes: Uint8Array, extract: boolean): Map<string, Uint8Array> | null {
  if (!isZip(bytes)) return null;
  const names = new Map<string, Uint8Array>();
  try {
    const files = unzipSync(bytes, {
      filter: (entry) => {
        const csv = entry.name.toLowerCase().endsWith(".csv") && !entry.name.startsWith("__MACOSX");
        if (csv && !extract) names.set(baseName(entry.name), new Uint8Array());
        if (csv && extract && entry.originalSize > MAX_ENTRY_BYTES) throw new Error("too large");
        return csv && extract;
      },
    });
    for (const [name, data] of Object.entries(files)) names.set(baseName(name), data);
  } catch {
    return null;
  }
  return names;
}

function sentenceCase(column: string): string {
  const words = column.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A CSV of the zip that none of the known headers describes: each row a note, column by column. */
function otherCsv(name: string, bytes: Uint8Array, warnings: ImportWarnings): ImportedItem[] {
  const kind = name.replace(/\.csv$/i, "");
  const { header, rows } = readCsv(bytes, `Dashlane ${name}`, []);
  return rows.map((row, index) => {
    const plaintext = noteWithFields(
      {
        title: row.item_name || row.title || row.name || `${kind} ${index + 1}`,
        sourceType: `${kind} record`,
        values: header.map((column) => ({ name: sentenceCase(column), value: row[column] })),
      },
      warnings,
    );
    return importedItem(plaintext, { sourceType: kind }, warnings);
  });
}

async function parseZip(entries: Map<string, Uint8Array>): Promise<ImportResult> {
  const items: ImportedItem[] = [];
  const warnings = new ImportWarnings();
  const extra: ImportResult["warnings"] = [];
  for (const [name, bytes] of [...entries].sort(([a], [b]) => a.localeCompare(b))) {
    const file: ImportFile = { name, bytes };
    if (singleCsvParser.detect(file)) {
      const result = await singleCsvParser.parse(file);
      items.push(...result.items);
      extra.push(...result.warnings);
    } else {
      items.push(...otherCsv(name, bytes, warnings));
    }
  }
  return {
    format: "dashlane-csv",
    items,
    folders: collectFolders(items.map((item) => item.folder).filter((path) => path.length > 0)),
    warnings: [...extra, ...warnings.list],
  };
}

export const dashlaneCsvParser: ImportParser = {
  format: "dashlane-csv",
  label: "Dashlane (CSV)",
  detect: (file) =>
    singleCsvParser.detect(file) ||
    (csvEntries(file.bytes, false)?.has("credentials.csv") ?? false),
  needsPassword: () => false,
  async parse(file) {
    if (!isZip(file.bytes)) return singleCsvParser.parse(file);
    const entries = csvEntries(file.bytes, true);
    if (!entries) throw new ImportError("malformed", DAMAGED);
    if (!entries.has("credentials.csv")) {
      throw new ImportError(
        "wrong_format",
        "This zip file is not a Dashlane CSV export: it has no credentials.csv inside.",
      );
    }
    return parseZip(entries);
  },
};
