import { zipSync } from "fflate";
import * as kdbxweb from "kdbxweb";
import { describe, expect, it } from "vitest";
import { detectImportFormat, IMPORT_PARSERS, type ImportFormat } from "@/lib/sdk/import";
import { importFixture, textImportFile } from "@/test/support/import/fixtures";

/**
 * Every sample file is recognised as its own format, and by exactly one parser: the order of
 * IMPORT_PARSERS must not be what makes detection right.
 */
const FIXTURES: [string, string, ImportFormat][] = [
  ["bitwarden-json", "personal.json", "bitwarden-json"],
  ["bitwarden-json", "organization.json", "bitwarden-json"],
  ["bitwarden-json", "protected-pbkdf2.json", "bitwarden-json"],
  ["bitwarden-json", "protected-argon2id.json", "bitwarden-json"],
  ["bitwarden-json", "account-encrypted.json", "bitwarden-json"],
  ["bitwarden-json", "legacy-2019.json", "bitwarden-json"],
  ["bitwarden-csv", "personal.csv", "bitwarden-csv"],
  ["bitwarden-csv", "organization.csv", "bitwarden-csv"],
  ["bitwarden-csv", "legacy-2020.csv", "bitwarden-csv"],
  ["lastpass-csv", "export.csv", "lastpass-csv"],
  ["lastpass-csv", "legacy.csv", "lastpass-csv"],
  ["chrome-csv", "passwords.csv", "chrome-csv"],
  ["chrome-csv", "legacy.csv", "chrome-csv"],
  ["firefox-csv", "logins.csv", "firefox-csv"],
  ["safari-csv", "passwords.csv", "safari-csv"],
  ["dashlane-csv", "credentials.csv", "dashlane-csv"],
  ["dashlane-csv", "credentials-otpurl.csv", "dashlane-csv"],
  ["dashlane-csv", "securenotes.csv", "dashlane-csv"],
  ["dashlane-csv", "payments.csv", "dashlane-csv"],
  ["dashlane-csv", "ids.csv", "dashlane-csv"],
  ["dotenv", "production.env", "dotenv"],
  ["1password-csv", "1password-8.csv", "1password-csv"],
  ["1password-csv", "1password-7-windows.csv", "1password-csv"],
  ["1password-csv", "1password-7-mac.csv", "1password-csv"],
  ["keepass-xml", "keepass-2.xml", "keepass-xml"],
];

describe("format detection", () => {
  it.each(FIXTURES)("%s/%s is %s, and only that", (folder, name, format) => {
    const file = importFixture(folder, name);
    expect(detectImportFormat(file)).toBe(format);
    const matching = IMPORT_PARSERS.filter((parser) => parser.detect(file)).map((p) => p.format);
    expect(matching).toEqual([format]);
  });

  it("tells browser CSVs apart whatever the file is called", () => {
    for (const [folder, name, format] of FIXTURES.filter(([, n]) => n.endsWith(".csv"))) {
      const { bytes } = importFixture(folder, name);
      expect(detectImportFormat({ name: "export.csv", bytes })).toBe(format);
    }
  });

  it("recognises a .1pux zip and a KDBX database by their bytes, whatever their names", async () => {
    const exportData = importFixture("1password-1pux", "export.data").bytes;
    const onePux = zipSync({
      "export.attributes": new Uint8Array([123, 125]),
      "export.data": exportData,
    });
    const credentials = new kdbxweb.Credentials(kdbxweb.ProtectedValue.fromString("pw"));
    const database = kdbxweb.Kdbx.create(credentials, "Team");
    database.setVersion(3);
    const kdbx = new Uint8Array(await database.save());
    for (const [bytes, format] of [
      [onePux, "1password-1pux"],
      [kdbx, "kdbx"],
    ] as const) {
      const file = { name: "download.bin", bytes };
      expect(IMPORT_PARSERS.filter((parser) => parser.detect(file)).map((p) => p.format)).toEqual([
        format,
      ]);
    }
    // A zip of something else is no 1Password export.
    const otherZip = zipSync({ "report.csv": new TextEncoder().encode("title,url\n") });
    expect(detectImportFormat({ name: "export.1pux", bytes: otherZip })).toBeNull();
  });

  it("recognises a .env file by its name, or by a first KEY=value line", () => {
    expect(detectImportFormat(textImportFile(".env.production", "# nothing yet\n"))).toBe("dotenv");
    expect(detectImportFormat(textImportFile("secrets.txt", "# c\nexport A=1\n"))).toBe("dotenv");
  });

  it.each([
    ["a CSV of unknown columns", "data.csv", "id,title,secret\n1,a,b\n"],
    ["JSON of another tool", "data.json", '{"accounts": []}'],
    ["plain prose", "notes.txt", "Dear team,\nthe passwords are elsewhere.\n"],
    ["an empty file", "empty", ""],
  ])("recognises nothing in %s", (_case, name, text) => {
    expect(detectImportFormat(textImportFile(name, text))).toBeNull();
  });
});

describe("CSV as spreadsheets save it", () => {
  it("recognises a CSV saved with a byte-order mark and a quoted header", () => {
    const text =
      '\uFEFF"name","url","username","password","note"\r\n"a","https://a.example","u","p",""\r\n';
    expect(detectImportFormat(textImportFile("Chrome Passwords.csv", text))).toBe("chrome-csv");
  });
});

describe("zip exports", () => {
  it("takes a Dashlane zip for Dashlane, not 1Password", () => {
    const bytes = zipSync({
      "credentials.csv": importFixture("dashlane-csv", "credentials.csv").bytes,
      "securenotes.csv": importFixture("dashlane-csv", "securenotes.csv").bytes,
    });
    const file = { name: "dashlane.zip", bytes };
    expect(IMPORT_PARSERS.filter((parser) => parser.detect(file)).map((p) => p.format)).toEqual([
      "dashlane-csv",
    ]);
  });
});
