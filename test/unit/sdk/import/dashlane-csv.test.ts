import { zipSync } from "fflate";
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
    expect(result.warnings).toEqual([]);
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

describe("Dashlane CSV, the zip Dashlane saves", () => {
  const names = [
    "credentials.csv",
    "securenotes.csv",
    "payments.csv",
    "ids.csv",
    "personalInfo.csv",
  ];
  const zip = (entries: string[]) =>
    zipSync(
      Object.fromEntries(
        entries.map((name) => [
          `dashlane-export/${name}`,
          importFixture("dashlane-csv", name).bytes,
        ]),
      ),
    );

  it("is recognised and read whole: every file, other files' rows as notes with fields", async () => {
    const file = { name: "Dashlane Export.zip", bytes: zip(names) };
    expect(dashlaneCsvParser.detect(file)).toBe(true);
    const result = await dashlaneCsvParser.parse(file);
    expect(result.items.map((item) => item.plaintext.title)).toEqual([
      "GitHub",
      "example.org",
      "Ana Lima (passport)",
      "Company Visa",
      "Main account",
      "Personal email",
      "Home",
      "Office door",
    ]);
    expect(fieldValues(result, "Home")).toMatchObject({
      Address: "1 Rua Augusta",
      "Address door code": "4455",
    });
    expect(itemTitled(result, "Home").sourceType).toBe("personalInfo");
    expect(result.folders).toEqual([["Business"]]);
    expect(result.warnings.filter((w) => w.code === "converted_type")).toHaveLength(5);
  });

  it("refuses a zip without credentials.csv and a damaged zip", async () => {
    await expect(
      dashlaneCsvParser.parse({ name: "x.zip", bytes: zip(["securenotes.csv"]) }),
    ).rejects.toMatchObject({ code: "wrong_format" });
    const whole = zip(names);
    await expect(
      dashlaneCsvParser.parse({ name: "x.zip", bytes: whole.slice(0, whole.length - 30) }),
    ).rejects.toMatchObject({ code: "malformed" });
  });
});
