import { describe, expect, it } from "vitest";
import { dashlaneCsvParser } from "@/lib/sdk/import/dashlane-csv";
import {
  fieldValues,
  importFixture,
  itemTitled,
  secretFieldNames,
  textImportFile,
} from "@/test/support/import/fixtures";

describe("Dashlane CSV", () => {
  it("imports credentials: three usernames, TOTP seed, category as folder", async () => {
    const result = await dashlaneCsvParser.parse(importFixture("dashlane-csv", "credentials.csv"));
    expect(fieldValues(result, "GitHub")).toEqual({
      Username: "ana@example.com",
      "Username 2": "ana",
      Password: 'gh,pass "q"',
      "One-time code": "JBSWY3DPEHPK3PXPJBSWY3DP",
    });
    expect(itemTitled(result, "GitHub").folder).toEqual(["Business"]);
    expect(itemTitled(result, "GitHub").plaintext.notes).toBe("two\nlines");
    expect(fieldValues(result, "example.org")).toEqual({ Username: "ana", Password: "pw-2" });
    expect(result.folders).toEqual([["Business"]]);
  });

  it("imports credentials with an otpUrl column", async () => {
    const result = await dashlaneCsvParser.parse(
      importFixture("dashlane-csv", "credentials-otpurl.csv"),
    );
    expect(fieldValues(result, "GitHub")["One-time code"]).toMatch(/^otpauth:\/\/totp\//);
  });

  it("imports secure notes", async () => {
    const result = await dashlaneCsvParser.parse(importFixture("dashlane-csv", "securenotes.csv"));
    expect(itemTitled(result, "Office door").plaintext).toMatchObject({
      type: "note",
      notes: 'Door code 4455, "front"\nünïcödé ✓',
    });
  });

  it("turns payment cards and bank accounts into notes with masked numbers", async () => {
    const result = await dashlaneCsvParser.parse(importFixture("dashlane-csv", "payments.csv"));
    expect(secretFieldNames(result, "Company Visa")).toEqual(["Card number", "Security code"]);
    expect(secretFieldNames(result, "Main account")).toEqual(["Account number"]);
    expect(itemTitled(result, "Main account").sourceType).toBe("bank account");
    expect(result.warnings.map((w) => w.code)).toEqual(["converted_type", "converted_type"]);
  });

  it("turns an ID into a note with its number masked", async () => {
    const result = await dashlaneCsvParser.parse(importFixture("dashlane-csv", "ids.csv"));
    expect(fieldValues(result, "Ana Lima (passport)")).toEqual({
      Type: "passport",
      Number: "P1234567",
      Name: "Ana Lima",
      "Issue date": "2020-01-01",
      "Expiry date": "2030-01-01",
      "Place of issue": "Lisboa",
    });
    expect(secretFieldNames(result, "Ana Lima (passport)")).toEqual(["Number"]);
  });
});

describe("Dashlane CSV, refusals", () => {
  it("refuses a CSV none of Dashlane's files look like", async () => {
    await expect(
      dashlaneCsvParser.parse(textImportFile("x.csv", "name,url,username,password\na,b,c,d\n")),
    ).rejects.toMatchObject({ code: "wrong_format" });
  });
});
