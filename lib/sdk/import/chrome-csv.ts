import { csvParser } from "./csv-parser";
import { buildItem, FIELD, importedItem, titleFromUrl } from "./mapping";

/** Chrome's (and Edge's, Brave's) "Export passwords": name,url,username,password[,note]. */
export const chromeCsvParser = csvParser({
  format: "chrome-csv",
  label: "Chrome (CSV)",
  headers: [
    ["name", "url", "username", "password", "note"],
    ["name", "url", "username", "password"],
  ],
  required: ["name", "url", "username", "password"],
  row(row, warnings) {
    const plaintext = buildItem(
      {
        type: "login",
        title: row.name || titleFromUrl(row.url),
        fields: [
          { name: FIELD.username, value: row.username, kind: "username" },
          { name: FIELD.password, value: row.password, kind: "password" },
        ],
        notes: row.note,
        urls: [row.url],
      },
      warnings,
    );
    return importedItem(plaintext, { sourceType: "password" }, warnings);
  },
});
