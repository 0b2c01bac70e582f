import "server-only";
import { SqlFragment } from "../database/sql-template";

/**
 * One item as the API's item JSON (`ItemDto`), written by the database from the row `alias`:
 * the hot reads send it on as it came (docs/decisions/0072). Concatenation costs about half of
 * `json_build_object` on a 2,000-item page; `to_json` still escapes the two strings, and every
 * column is NOT NULL, so no item's text can turn NULL and drop out of a `string_agg`.
 * Timestamps are written as `Date#toISOString` writes them (UTC, milliseconds, "Z").
 */
export function itemJson(alias: "i" | "p"): SqlFragment {
  const column = (name: string) => `${alias}."${name}"`;
  const timestamp = (name: string) => `to_char(${column(name)}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return new SqlFragment(
    [
      `'{"id":' || to_json(${column("id")})`,
      `',"keyVersion":' || ${column("keyVersion")}`,
      `',"revision":' || ${column("revision")}`,
      `',"ciphertext":' || to_json(${column("ciphertext")})`,
      `',"createdAt":"' || ${timestamp("createdAt")}`,
      `'","updatedAt":"' || ${timestamp("updatedAt")} || '"}'`,
    ].join(" || "),
  );
}
