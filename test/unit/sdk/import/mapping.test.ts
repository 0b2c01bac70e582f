import { describe, expect, it } from "vitest";
import {
  buildItem,
  cleanUrls,
  collectFolders,
  decodeText,
  ImportWarnings,
  importedItem,
  isSensitiveName,
  normalizeTotp,
  noteWithFields,
  splitFolderPath,
  titleFromUrl,
  uniqueFieldName,
} from "@/lib/sdk/import/mapping";
import { ImportError } from "@/lib/sdk/import";

const SEED = "JBSWY3DPEHPK3PXPJBSWY3DP";

describe("uniqueFieldName", () => {
  it("numbers repeats from 2 and never reuses a name", () => {
    const taken = new Set<string>();
    expect(["Password", "Password", "Password", ""].map((n) => uniqueFieldName(n, taken))).toEqual([
      "Password",
      "Password 2",
      "Password 3",
      "Field",
    ]);
    expect(uniqueFieldName("Password 2", taken)).toBe("Password 2 2");
  });
});

describe("normalizeTotp", () => {
  it("keeps an otpauth URI as it is and tidies a bare seed", () => {
    const uri = `otpauth://totp/Acme:ana?secret=${SEED}&issuer=Acme&digits=8`;
    expect(normalizeTotp(`  ${uri} `)).toBe(uri);
    expect(normalizeTotp("jbsw y3dp-ehpk 3pxp jbsw y3dp")).toBe(SEED);
    expect(normalizeTotp(`${SEED}====`)).toBe(SEED);
  });

  it.each([
    ["empty", "  "],
    ["not base32", "hello world 0189"],
    ["too short", "JBSWY3DP"],
    ["an HOTP URI", `otpauth://hotp/x?secret=${SEED}&counter=1`],
    ["Steam's format", "steam://JBSWY3DPEHPK3PXP"],
    ["a broken URI", "otpauth://totp/x"],
  ])("refuses %s", (_name, value) => {
    expect(normalizeTotp(value)).toBeNull();
  });
});

describe("urls and folders", () => {
  it("trims, drops blanks, LastPass's secure-note marker and duplicates, keeps schemes", () => {
    expect(
      cleanUrls([
        " https://a.example ",
        "",
        null,
        "http://sn",
        "https://a.example",
        "androidapp://x",
      ]),
    ).toEqual(["https://a.example", "androidapp://x"]);
  });

  it("splits folder paths and lists every parent once", () => {
    expect(splitFolderPath("Work/ Servers /")).toEqual(["Work", "Servers"]);
    expect(splitFolderPath("Work\\Servers", ["\\", "/"])).toEqual(["Work", "Servers"]);
    expect(splitFolderPath("")).toEqual([]);
    expect(collectFolders([["Work", "Servers"], ["Work"], ["Home"]])).toEqual([
      ["Work"],
      ["Work", "Servers"],
      ["Home"],
    ]);
  });
});

describe("buildItem", () => {
  it("renames repeated fields with a warning, leaves empty standard fields out, keeps empty custom ones", () => {
    const warnings = new ImportWarnings();
    const item = buildItem(
      {
        type: "login",
        title: " Mail ",
        fields: [
          { name: "Username", value: "ana", kind: "username" },
          { name: "Password", value: "", kind: "password" },
          { name: "Note", value: "a", keepEmpty: true },
          { name: "Note", value: "", keepEmpty: true },
        ],
        urls: ["https://mail.example"],
      },
      warnings,
    );
    expect(item).toEqual({
      type: "login",
      title: "Mail",
      fields: [
        { name: "Username", value: "ana", secret: false, kind: "username" },
        { name: "Note", value: "a", secret: false, kind: "text" },
        { name: "Note 2", value: "", secret: false, kind: "text" },
      ],
      notes: "",
      urls: ["https://mail.example"],
      tags: [],
    });
    expect(warnings.list).toEqual([
      expect.objectContaining({ code: "duplicate_field_name", item: "Mail" }),
    ]);
  });

  it("keeps an unusable TOTP as a secret field and warns without the value", () => {
    const warnings = new ImportWarnings();
    const item = buildItem(
      {
        type: "login",
        title: "",
        fields: [{ name: "One-time code", value: "steam://ABC", kind: "totp" }],
      },
      warnings,
    );
    expect(item.title).toBe("Untitled");
    expect(item.fields).toEqual([
      {
        name: "One-time code (not a valid TOTP)",
        value: "steam://ABC",
        secret: true,
        kind: "password",
      },
    ]);
    expect(warnings.list.map((warning) => warning.code)).toEqual(["invalid_totp"]);
    expect(JSON.stringify(warnings.list)).not.toContain("steam://ABC");
  });

  it("stores a valid TOTP normalised and secret", () => {
    const item = buildItem(
      {
        type: "login",
        title: "x",
        fields: [{ name: "One-time code", value: SEED.toLowerCase(), kind: "totp" }],
      },
      new ImportWarnings(),
    );
    expect(item.fields[0]).toEqual({
      name: "One-time code",
      value: SEED,
      secret: true,
      kind: "totp",
    });
  });
});

describe("noteWithFields", () => {
  it("turns a card into a note: sensitive values secret, empties out, a converted_type warning", () => {
    const warnings = new ImportWarnings();
    const note = noteWithFields(
      {
        title: "Visa",
        sourceType: "card",
        values: [
          { name: "Cardholder name", value: "Ana Lima" },
          { name: "Card number", value: "4111111111111111" },
          { name: "Security code", value: "123" },
          { name: "Brand", value: "" },
          { name: "Billing address", value: "1 Rua\nLisboa" },
        ],
      },
      warnings,
    );
    expect(note.type).toBe("note");
    expect(note.fields).toEqual([
      { name: "Cardholder name", value: "Ana Lima", secret: false, kind: "text" },
      { name: "Card number", value: "4111111111111111", secret: true, kind: "text" },
      { name: "Security code", value: "123", secret: true, kind: "text" },
      { name: "Billing address", value: "1 Rua\nLisboa", secret: false, kind: "multiline" },
    ]);
    expect(warnings.list).toEqual([
      expect.objectContaining({ code: "converted_type", item: "Visa" }),
    ]);
    expect(JSON.stringify(warnings.list)).not.toContain("4111");
  });

  it.each([
    ["PIN", true],
    ["CVV", true],
    ["Account number", true],
    ["IBAN", true],
    ["Passport number", true],
    ["Phone number", false],
    ["Expiry month", false],
    ["Pinterest", false],
  ])("%s sensitive: %s", (name, sensitive) => {
    expect(isSensitiveName(name)).toBe(sensitive);
  });
});

describe("importedItem and decodeText", () => {
  it("warns for archived and trashed records, not active ones", () => {
    const warnings = new ImportWarnings();
    const plaintext = buildItem({ type: "note", title: "Old" }, warnings);
    importedItem(plaintext, { sourceType: "note" }, warnings);
    importedItem(plaintext, { sourceType: "note", state: "trashed" }, warnings);
    importedItem(plaintext, { sourceType: "note", state: "archived" }, warnings);
    expect(warnings.list.map((warning) => warning.code)).toEqual(["trashed", "archived"]);
  });

  it("strips a byte-order mark and refuses bytes that are not UTF-8", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe("a");
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x00]))).toThrow(ImportError);
  });
});

describe("titleFromUrl and secret overrides", () => {
  it.each([
    ["https://www.github.com/login", "github.com"],
    ["ssh.example.com", "ssh.example.com"],
    ["http://sn", ""],
    ["", ""],
  ])("titles %s as %s", (url, title) => {
    expect(titleFromUrl(url)).toBe(title);
  });

  it("lets a caller mark a value secret whatever its name", () => {
    const note = noteWithFields(
      {
        title: "Licence",
        sourceType: "licence",
        values: [{ name: "Number", value: "L-1", secret: true }],
      },
      new ImportWarnings(),
    );
    expect(note.fields[0]?.secret).toBe(true);
    expect(isSensitiveName("Number")).toBe(false);
  });
});
