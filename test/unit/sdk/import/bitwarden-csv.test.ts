import { describe, expect, it } from "vitest";
import { itemPlaintextSchema } from "@/lib/crypto";
import { ImportError } from "@/lib/sdk/import";
import { bitwardenCsvParser, parseBitwardenCsvFields } from "@/lib/sdk/import/bitwarden-csv";
import {
  fieldValues,
  importFixture,
  itemTitled,
  secretFieldNames,
  textImportFile,
} from "@/test/support/import/fixtures";

describe("Bitwarden CSV", async () => {
  const result = await bitwardenCsvParser.parse(importFixture("bitwarden-csv", "personal.csv"));

  it("imports every row as a valid item, folders split", () => {
    expect(result.items).toHaveLength(5);
    for (const item of result.items) {
      expect(itemPlaintextSchema.safeParse(item.plaintext).success).toBe(true);
    }
    expect(result.folders).toEqual([["Work"], ["Work", "Servers"], ["Personal"]]);
    expect(itemTitled(result, "Deploy host").folder).toEqual(["Work", "Servers"]);
  });

  it("keeps quotes, commas and line breaks (CRLF file), splits URLs, keeps the TOTP URI", () => {
    const login = itemTitled(result, "Deploy host").plaintext;
    expect(login.notes).toBe('Rotated quarterly.\r\nAsk "ops", not dev');
    expect(login.urls).toEqual(["https://deploy.example.com/login", "ssh.example.com"]);
    expect(login.tags).toEqual(["favorite"]);
    expect(fieldValues(result, "Deploy host")).toEqual({
      Username: "deploy",
      Password: 'c0rrect,h0rse "battery"',
      "One-time code":
        "otpauth://totp/Example:deploy?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Example",
    });
  });

  it("reads custom fields, guesses secrets by name, continues multi-line values", () => {
    const title = "Bank — São Paulo 銀行";
    expect(fieldValues(result, title)).toEqual({
      Username: "ana@example.com",
      "One-time code": "JBSWY3DPEHPK3PXP",
      Region: "eu-west-1",
      PIN: "4821",
      Password: "custom-named-password",
      Address: "1 Rua Augusta\r\nLisboa".replace("\r", ""),
    });
    expect(secretFieldNames(result, title)).toEqual(["One-time code", "PIN", "Password"]);
    // The login's own password is empty, so the custom "Password" keeps its name; re-prompt is warned.
    expect(result.warnings.filter((w) => w.item === title).map((w) => w.code)).toEqual([
      "dropped_field",
    ]);
  });

  it("imports a note, an untitled login and an invalid TOTP with warnings", () => {
    expect(itemTitled(result, "Wi-Fi at the office").plaintext).toMatchObject({
      type: "note",
      notes: 'SSID: coffer-guest\r\nKey: p@ss, "quoted", ünïcödé ✓',
    });
    expect(itemTitled(result, "Untitled").plaintext.type).toBe("login");
    expect(fieldValues(result, "Old forum")).toMatchObject({
      "One-time code (not a valid TOTP)": "steam://ABCDE",
      Empty: "",
    });
    expect(JSON.stringify(result.warnings)).not.toMatch(/hunter2|4821|steam:/);
  });

  it("reads an organisation export: collections as folders, extra collections warned", async () => {
    const org = await bitwardenCsvParser.parse(importFixture("bitwarden-csv", "organization.csv"));
    expect(itemTitled(org, "Production database admin").folder).toEqual([
      "Engineering",
      "Production",
    ]);
    expect(itemTitled(org, "Payroll runbook").folder).toEqual(["Finance"]);
    expect(org.warnings).toEqual([
      expect.objectContaining({ code: "dropped_field", item: "Production database admin" }),
    ]);
  });

  it("reads an export from before the reprompt column", async () => {
    const legacy = await bitwardenCsvParser.parse(
      importFixture("bitwarden-csv", "legacy-2020.csv"),
    );
    expect(fieldValues(legacy, "Old CSV login")).toEqual({ Username: "ana", Password: "pw" });
    expect(itemTitled(legacy, "Old CSV login").folder).toEqual(["Work"]);
  });

  it("parses the fields column line by line", () => {
    expect(parseBitwardenCsvFields("a: 1\nb: x: y\ncontinued\nlonely: ")).toEqual([
      { name: "a", value: "1", kind: "text", secret: false, keepEmpty: true },
      { name: "b", value: "x: y\ncontinued", kind: "multiline", secret: false, keepEmpty: true },
      { name: "lonely", value: "", kind: "text", secret: false, keepEmpty: true },
    ]);
  });

  it("refuses a file without Bitwarden's columns and a cut-short file", async () => {
    await expect(
      bitwardenCsvParser.parse(textImportFile("x.csv", "name,url\na,b\n")),
    ).rejects.toMatchObject({ code: "wrong_format" });
    const truncated = textImportFile(
      "x.csv",
      'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n,,login,A,"unterminated',
    );
    const error = await bitwardenCsvParser.parse(truncated).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: "malformed" });
  });
});
