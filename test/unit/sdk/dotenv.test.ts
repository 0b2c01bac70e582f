import { describe, expect, it } from "vitest";
import { formatDotenv, parseDotenv } from "@/lib/sdk/dotenv";

describe("parseDotenv", () => {
  it.each([
    ["plain", "KEY=value", "value"],
    ["export prefix", "export KEY=value", "value"],
    ["spaces around =", "KEY = value  ", "value"],
    ["empty value", "KEY=", ""],
    ["double quotes", 'KEY="a value # not a comment"', "a value # not a comment"],
    ["single quotes are literal", "KEY='a\\nb'", "a\\nb"],
    ["backticks", "KEY=`it's`", "it's"],
    ["escapes in double quotes", 'KEY="line1\\nline2 \\"q\\""', 'line1\nline2 "q"'],
    ["inline comment after unquoted value", "KEY=value # comment", "value"],
    ["hash without space stays", "KEY=abc#def", "abc#def"],
    ["equals inside value", "URL=postgres://u:p@h/db?x=1", "postgres://u:p@h/db?x=1"],
  ])("%s", (_name, line, expected) => {
    const result = parseDotenv(line);
    expect(result.errors).toEqual([]);
    expect(result.entries).toEqual([
      {
        key: line
          .replace(/^export /, "")
          .split("=")[0]
          ?.trim(),
        value: expected,
      },
    ]);
  });

  it("skips blank lines and comments, handles CRLF, keeps order", () => {
    const result = parseDotenv("# header\r\n\r\nA=1\r\n  # indented comment\r\nB=2\r\n");
    expect(result.entries).toEqual([
      { key: "A", value: "1" },
      { key: "B", value: "2" },
    ]);
    expect(result.errors).toEqual([]);
  });

  it("reads a double-quoted value spanning lines", () => {
    const result = parseDotenv('KEY="-----BEGIN-----\nabc\n-----END-----"\nNEXT=1');
    expect(result.entries).toEqual([
      { key: "KEY", value: "-----BEGIN-----\nabc\n-----END-----" },
      { key: "NEXT", value: "1" },
    ]);
  });

  it("lets a later duplicate win", () => {
    expect(parseDotenv("A=1\nA=2").entries).toEqual([{ key: "A", value: "2" }]);
  });

  it("reports lines it cannot read, with their numbers", () => {
    const result = parseDotenv('GOOD=1\nnot a pair\n1BAD=x\nOPEN="never closed');
    expect(result.entries).toEqual([{ key: "GOOD", value: "1" }]);
    expect(result.errors.map((error) => error.line)).toEqual([2, 3, 4]);
  });

  it("round-trips through formatDotenv", () => {
    const entries = [
      { key: "A", value: "simple" },
      { key: "B", value: 'needs "quotes" and\nnewlines \\ too' },
      { key: "C", value: "" },
    ];
    expect(parseDotenv(formatDotenv(entries)).entries).toEqual(entries);
  });

  describe("a PEM private key", () => {
    const pem = [
      "-----BEGIN OPENSSH PRIVATE KEY-----",
      "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
      "QyNTUxOQAAACDl+/k5Qy2c3uJ8Jm1X0Qvq0yX3Yb5t4l0dQ3mE9a0cHwAAAJhZ1pLvWdaS==",
      "-----END OPENSSH PRIVATE KEY-----",
    ].join("\n");

    it.each([
      ["spanning lines in double quotes", `KEY="${pem}"\nNEXT=1`],
      ["with \\n escapes on one line", `KEY="${pem.replace(/\n/g, "\\n")}"\nNEXT=1`],
      ["in a file with CRLF line ends", `KEY="${pem}"\nNEXT=1`.replace(/\n/g, "\r\n")],
    ])("keeps every line break when written %s", (_case, text) => {
      const { entries, errors } = parseDotenv(text);
      expect(errors).toEqual([]);
      expect(entries).toEqual([
        { key: "KEY", value: pem },
        { key: "NEXT", value: "1" },
      ]);
    });

    it.each([
      ["LF", pem],
      ["CRLF", pem.replace(/\n/g, "\r\n")],
      ["and a trailing newline", `${pem}\n`],
    ])("round-trips through formatDotenv unchanged (%s)", (_case, value) => {
      const written = formatDotenv([{ key: "KEY", value }]);
      expect(written.split("\n")).toHaveLength(1);
      expect(parseDotenv(written).entries).toEqual([{ key: "KEY", value }]);
      expect(formatDotenv(parseDotenv(written).entries)).toBe(written);
    });
  });
});

describe("parseDotenv, what an import needs", () => {
  it("lists keys set more than once", () => {
    expect(parseDotenv("A=1\nB=2\nA=3\nA=4\nB=5").duplicates).toEqual(["A", "B"]);
    expect(parseDotenv("A=1\nB=2").duplicates).toEqual([]);
  });

  it("reads on after an unterminated quote instead of swallowing the rest of the file", () => {
    const result = parseDotenv('A=1\nOPEN="never closed\nB=2\nC=3');
    expect(result.entries).toEqual([
      { key: "A", value: "1" },
      { key: "B", value: "2" },
      { key: "C", value: "3" },
    ]);
    expect(result.errors).toEqual([{ line: 2, message: 'unterminated " quote' }]);
  });
});
