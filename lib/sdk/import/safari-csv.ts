import { csvParser } from "./csv-parser";
import { buildItem, FIELD, importedItem, titleFromUrl } from "./mapping";

/** Safari's and Apple Passwords' export: Title,URL,Username,Password,Notes,OTPAuth. */
export const safariCsvParser = csvParser({
  format: "safari-csv",
  label: "Safari / Apple Passwords (CSV)",
  headers: [["title", "url", "username", "password", "notes", "otpauth"]],
  required: ["title", "url", "username", "password"],
  row(row, warnings) {
    const plaintext = buildItem(
      {
        type: "login",
        title: row.title || titleFromUrl(row.url),
        fields: [
          { name: FIELD.username, value: row.username, kind: "username" },
          { name: FIELD.password, value: row.password, kind: "password" },
          { name: FIELD.totp, value: row.otpauth, kind: "totp" },
        ],
        notes: row.notes,
        urls: [row.url],
      },
      warnings,
    );
    return importedItem(plaintext, { sourceType: "password" }, warnings);
  },
});
