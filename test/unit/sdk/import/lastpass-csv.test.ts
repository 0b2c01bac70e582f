import { describe, expect, it } from "vitest";
import { itemPlaintextSchema } from "@/lib/crypto";
import { summarizeImport } from "@/lib/sdk/import";
import { lastpassCsvParser, parseLastPassExtra } from "@/lib/sdk/import/lastpass-csv";
import {
  fieldValues,
  importFixture,
  itemTitled,
  secretFieldNames,
  textImportFile,
} from "@/test/support/import/fixtures";

describe("LastPass CSV", async () => {
  const result = await lastpassCsvParser.parse(importFixture("lastpass-csv", "export.csv"));

  it("imports every row as a valid item, groupings as nested folders", () => {
    expect(result.items).toHaveLength(9);
    for (const item of result.items) {
      expect(itemPlaintextSchema.safeParse(item.plaintext).success).toBe(true);
    }
    expect(summarizeImport(result)).toMatchObject({
      items: 9,
      byType: { login: 3, database: 1, ssh_key: 1, note: 4 },
      withTotp: 1,
    });
    expect(result.folders).toEqual([["Work"], ["Work", "Dev"], ["Work", "Databases"], ["Finance"]]);
    expect(itemTitled(result, "GitHub").folder).toEqual(["Work", "Dev"]);
  });

  it("maps a site: username, secret password, TOTP seed, URL, extra as notes, favourite", () => {
    const site = itemTitled(result, "GitHub").plaintext;
    expect(site.type).toBe("login");
    expect(site.urls).toEqual(["https://github.com/login"]);
    expect(site.notes).toBe("Recovery codes in the safe.\nSecond line");
    expect(site.tags).toEqual(["favorite"]);
    expect(fieldValues(result, "GitHub")).toEqual({
      Username: "ana@example.com",
      Password: 'gh,pass "quoted"',
      "One-time code": "JBSWY3DPEHPK3PXPJBSWY3DP",
    });
  });

  it("turns a Database note into a database item, keeping the rest and the multi-line notes", () => {
    const db = itemTitled(result, "Billing database").plaintext;
    expect(db.type).toBe("database");
    expect(db.urls).toEqual([]);
    expect(db.notes).toBe("Primary in eu-west.\nFailover: see runbook");
    expect(db.fields.map((f) => [f.name, f.value, f.kind, f.secret])).toEqual([
      ["Host", "db.internal", "host", false],
      ["Port", "5432", "port", false],
      ["Database", "billing", "text", false],
      ["Username", "billing_app", "username", false],
      ["Password", "pg-secret-1", "password", true],
      ["Type", "postgres", "text", false],
      ["Alias", "billing-primary", "text", false],
    ]);
  });

  it("turns a Server note into a login and an SSH Key note into an ssh_key item", () => {
    expect(itemTitled(result, "Bastion").plaintext.type).toBe("login");
    expect(fieldValues(result, "Bastion")).toEqual({
      Username: "root",
      Password: "server-secret-2",
      Host: "bastion.example.com",
    });
    const key = itemTitled(result, "CI key");
    expect(key.plaintext.type).toBe("ssh_key");
    expect(key.sourceType).toBe("SSH Key");
    expect(fieldValues(result, "CI key")).toEqual({
      "Public key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOX7 ci@example",
      "Private key":
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----",
      Passphrase: "key-pass-3",
      Host: "git.example.com",
      "Bit Strength": "256",
      Format: "OpenSSH",
      Date: "2026-01-01",
    });
    expect(secretFieldNames(result, "CI key")).toEqual(["Private key", "Passphrase"]);
  });

  it("turns a card, a bank account and a licence into notes with masked sensitive fields", () => {
    expect(secretFieldNames(result, "Company Visa")).toEqual(["Number", "Security Code"]);
    expect(fieldValues(result, "Company Visa")).toMatchObject({
      "Name on Card": "Ana Lima",
      "Expiration Date": "July,2029",
    });
    expect(itemTitled(result, "Company Visa").plaintext.notes).toBe("Company card");
    expect(secretFieldNames(result, "Main account")).toEqual([
      "Account Number",
      "IBAN Number",
      "Pin",
    ]);
    expect(fieldValues(result, "Driving licence").Address).toBe("1 Rua Augusta\nLisboa");
    expect(secretFieldNames(result, "Driving licence")).toEqual(["Number"]);
    expect(result.warnings.filter((w) => w.code === "converted_type").map((w) => w.item)).toEqual([
      "Company Visa",
      "Main account",
      "Driving licence",
    ]);
  });

  it("keeps a plain secure note and an untitled site", () => {
    expect(itemTitled(result, "Office door").plaintext).toMatchObject({
      type: "note",
      notes: 'Door code 4455, "front" entrance\nünïcödé ✓',
      fields: [],
      urls: [],
    });
    expect(itemTitled(result, "Untitled").plaintext.urls).toEqual(["https://old.example"]);
  });

  it("never puts a value in a warning", () => {
    expect(JSON.stringify(result.warnings)).not.toMatch(/4111|pg-secret|9911|L-998877/);
  });

  it("reads an export from before the totp column", async () => {
    const legacy = importFixture("lastpass-csv", "legacy.csv");
    expect(lastpassCsvParser.detect(legacy)).toBe(true);
    const parsed = await lastpassCsvParser.parse(legacy);
    expect(fieldValues(parsed, "Example")).toEqual({ Username: "ana", Password: "pw1" });
  });

  it("reads extra without a NoteType as plain notes", () => {
    expect(parseLastPassExtra("just\ntext: here")).toEqual({
      noteType: null,
      values: [],
      notes: "just\ntext: here",
    });
  });

  it("refuses a CSV of another tool", async () => {
    await expect(
      lastpassCsvParser.parse(textImportFile("x.csv", "name,url,username,password\n")),
    ).rejects.toMatchObject({ code: "wrong_format" });
  });
});
