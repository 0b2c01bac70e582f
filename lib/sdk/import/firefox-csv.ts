import { csvParser } from "./csv-parser";
import { buildItem, FIELD, importedItem, titleFromUrl } from "./mapping";

const COLUMNS = [
  "url",
  "username",
  "password",
  "httprealm",
  "formactionorigin",
  "guid",
  "timecreated",
  "timelastused",
  "timepasswordchanged",
];

/**
 * Firefox's "Export logins". The guid and the three timestamps are Firefox's bookkeeping, not
 * the person's data, and are not kept; an HTTP realm is (it tells two logins for one site
 * apart), and a form origin other than the site goes with the URLs.
 */
export const firefoxCsvParser = csvParser({
  format: "firefox-csv",
  label: "Firefox (CSV)",
  headers: [COLUMNS],
  required: ["url", "username", "password"],
  row(row, warnings) {
    const origin = row.formactionorigin;
    const plaintext = buildItem(
      {
        type: "login",
        title: titleFromUrl(row.url),
        fields: [
          { name: FIELD.username, value: row.username, kind: "username" },
          { name: FIELD.password, value: row.password, kind: "password" },
          { name: "HTTP realm", value: row.httprealm, kind: "text" },
        ],
        urls: [row.url, origin && origin !== "." ? origin : null],
      },
      warnings,
    );
    return importedItem(plaintext, { sourceType: "login" }, warnings);
  },
});
