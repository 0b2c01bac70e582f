import type { ItemPlaintext } from "@/lib/crypto";
import type { CsvRow } from "./csv";
import { csvParser } from "./csv-parser";
import {
  buildItem,
  FIELD,
  importedItem,
  noteWithFields,
  splitFolderPath,
  titleFromUrl,
  type ImportWarnings,
  type NamedValue,
} from "./mapping";

/**
 * Dashlane's CSV export is a zip of one CSV per kind; each is recognised by its header:
 * credentials.csv (logins), securenotes.csv, payments.csv (cards and bank accounts) and
 * ids.csv (passports, licences, ID cards). Payments and ids become notes with named fields.
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
        { name: FIELD.username, value: row.username2, kind: "username" },
        { name: FIELD.username, value: row.username3, kind: "username" },
        { name: FIELD.password, value: row.password, kind: "password" },
        { name: FIELD.totp, value: row.otpurl || row.otpsecret, kind: "totp" },
      ],
      notes: row.note,
      urls: [row.url],
    },
    warnings,
  );
}

export const dashlaneCsvParser = csvParser({
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
