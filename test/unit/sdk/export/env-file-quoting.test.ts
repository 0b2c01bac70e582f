// "Copy as .env" and "Download .env" on an environment-file item: each value must read back
// exactly, whatever it holds, in the loaders people paste the file into.
import { describe, expect, it } from "vitest";
import type { ItemPlaintext } from "@/lib/crypto";
import { parseDotenv } from "@/lib/sdk/dotenv";
import { envFileText } from "@/lib/sdk/export/env-file";

const item = (fields: [string, string][]): ItemPlaintext => ({
  type: "env_file",
  title: "App env",
  fields: fields.map(([name, value]) => ({ name, value, secret: true, kind: "text" })),
  notes: "",
  urls: [],
  tags: [],
});

describe("envFileText quoting", () => {
  it.each([
    ["a plain value", "abc123", "KEY=abc123"],
    ["a URL", "https://api.acme.test/v1", "KEY=https://api.acme.test/v1"],
    ["spaces", "hello world", 'KEY="hello world"'],
    ["leading and trailing spaces", "  padded  ", 'KEY="  padded  "'],
    ["double quotes", 'say "hi"', 'KEY="say \\"hi\\""'],
    ["single quotes", "it's", 'KEY="it\'s"'],
    ["a newline", "line one\nline two", 'KEY="line one\\nline two"'],
    ["a carriage return", "a\r\nb", 'KEY="a\\r\\nb"'],
    ["a backslash", "C:\\path", 'KEY="C:\\\\path"'],
    ["a hash", "abc #not a comment", 'KEY="abc #not a comment"'],
    ["an equals sign", "a=b", 'KEY="a=b"'],
    ["nothing", "", "KEY="],
  ])("writes %s so it reads back exactly", (_case, value, line) => {
    const { text } = envFileText(item([["KEY", value]]));
    expect(text).toBe(`${line}\n`);
    expect(parseDotenv(text)).toEqual({
      entries: [{ key: "KEY", value }],
      errors: [],
      duplicates: [],
    });
  });

  it("keeps one line per variable, in the item's order", () => {
    const { text } = envFileText(
      item([
        ["B", "two words"],
        ["A", "x\ny"],
        ["C", "3"],
      ]),
    );
    expect(text.split("\n")).toEqual(['B="two words"', 'A="x\\ny"', "C=3", ""]);
  });
});
