// queryRows' statement text: values become numbered parameters, our own shared SQL goes in as
// text. A fragment sent as a parameter would compare a column with the fragment's text; a value
// spliced in as text would be SQL injection.
import { describe, expect, it } from "vitest";
import { SqlFragment, sqlStatement } from "@/lib/server/database/sql-template";

const statement = (strings: TemplateStringsArray, ...values: unknown[]) =>
  sqlStatement(strings, values);

describe("sqlStatement", () => {
  it("numbers each value as a parameter, in order", () => {
    expect(statement`SELECT ${1} WHERE a = ${"x"} AND b = ${null}`).toEqual({
      text: "SELECT $1 WHERE a = $2 AND b = $3",
      parameters: [1, "x", null],
    });
  });

  it("splices a fragment in as text and numbers the values around it without gaps", () => {
    const column = new SqlFragment(`to_json(i."id")`);
    expect(statement`SELECT ${column}, ${"v"} FROM t WHERE ${column} = ${7}`).toEqual({
      text: `SELECT to_json(i."id"), $1 FROM t WHERE to_json(i."id") = $2`,
      parameters: ["v", 7],
    });
  });

  it("keeps a value that looks like SQL a parameter", () => {
    const hostile = `'; DROP TABLE "Item"; --`;
    const { text, parameters } = statement`SELECT 1 WHERE id = ${hostile}`;
    expect(text).toBe("SELECT 1 WHERE id = $1");
    expect(parameters).toEqual([hostile]);
  });

  it("passes a statement without values through", () => {
    expect(statement`SELECT 1`).toEqual({ text: "SELECT 1", parameters: [] });
  });
});
