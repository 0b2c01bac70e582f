import { describe, expect, it } from "vitest";
import { itemPlaintextSchema } from "@/lib/crypto";
import { chromeCsvParser } from "@/lib/sdk/import/chrome-csv";
import { firefoxCsvParser } from "@/lib/sdk/import/firefox-csv";
import { safariCsvParser } from "@/lib/sdk/import/safari-csv";
import {
  fieldValues,
  importFixture,
  itemTitled,
  secretFieldNames,
  textImportFile,
} from "@/test/support/import/fixtures";

describe("Chrome CSV", async () => {
  const result = await chromeCsvParser.parse(importFixture("chrome-csv", "passwords.csv"));

  it("imports logins with quotes, commas and multi-line notes", () => {
    expect(result.items).toHaveLength(3);
    for (const item of result.items) {
      expect(itemPlaintextSchema.safeParse(item.plaintext).success).toBe(true);
    }
    expect(itemTitled(result, "github.com").plaintext).toMatchObject({
      type: "login",
      notes: "two\nlines",
      urls: ["https://github.com/session"],
    });
    expect(fieldValues(result, "github.com")).toEqual({
      Username: "ana@example.com",
      Password: 'gh,pass "q"',
    });
    expect(secretFieldNames(result, "github.com")).toEqual(["Password"]);
  });

  it("titles a nameless row by its host and keeps an empty row", () => {
    expect(fieldValues(result, "example.org")).toEqual({ Username: "ana", Password: "pw-2" });
    expect(fieldValues(result, "accounts.google.com")).toEqual({});
    expect(result.folders).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("reads the older export without a note column", async () => {
    const legacy = await chromeCsvParser.parse(importFixture("chrome-csv", "legacy.csv"));
    expect(fieldValues(legacy, "example.com")).toEqual({ Username: "ana", Password: "pw" });
  });
});

describe("Firefox CSV", async () => {
  const result = await firefoxCsvParser.parse(importFixture("firefox-csv", "logins.csv"));

  it("imports logins titled by host, from a quoted CRLF file", () => {
    expect(result.items.map((item) => item.plaintext.title)).toEqual([
      "github.com",
      "intranet.example.com",
      "shop.example",
    ]);
    expect(fieldValues(result, "github.com")).toEqual({
      Username: "ana@example.com",
      Password: 'gh,pass "q"',
    });
    expect(itemTitled(result, "github.com").plaintext.urls).toEqual(["https://github.com"]);
  });

  it("keeps the HTTP realm and a form origin of another site", () => {
    expect(fieldValues(result, "intranet.example.com")).toEqual({
      Username: "ana",
      Password: "realm-pw",
      "HTTP realm": "Staff only",
    });
    expect(itemTitled(result, "shop.example").plaintext.urls).toEqual([
      "https://shop.example",
      "https://pay.example",
    ]);
    expect(fieldValues(result, "shop.example")).toEqual({ Username: "ünïcödé" });
  });
});

describe("Safari CSV", async () => {
  const result = await safariCsvParser.parse(importFixture("safari-csv", "passwords.csv"));

  it("imports logins with their one-time code links", () => {
    const title = "github.com (ana@example.com)";
    expect(fieldValues(result, title)).toEqual({
      Username: "ana@example.com",
      Password: 'gh,pass "q"',
      "One-time code": "otpauth://totp/GitHub:ana?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=GitHub",
    });
    expect(secretFieldNames(result, title)).toEqual(["Password", "One-time code"]);
    expect(itemTitled(result, title).plaintext.notes).toBe("multi\nline");
    expect(fieldValues(result, "example.org")).toEqual({ Username: "ana", Password: "pw-2" });
  });

  it("refuses a file that is not Safari's", async () => {
    await expect(
      safariCsvParser.parse(textImportFile("x.csv", "name,url,username,password\n")),
    ).rejects.toMatchObject({ code: "wrong_format" });
  });
});
