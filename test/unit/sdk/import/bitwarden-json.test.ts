import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { itemPlaintextSchema } from "@/lib/crypto";
import { ImportError, summarizeImport, type ImportFile, type ImportResult } from "@/lib/sdk/import";
import { bitwardenJsonParser } from "@/lib/sdk/import/bitwarden-json";
import { encryptBitwardenExport } from "@/test/support/import/bitwarden-encoder";

const dir = path.resolve(__dirname, "../../../fixtures/import/bitwarden-json");
const PASSWORD = "correct horse battery staple";

function fixture(name: string): ImportFile {
  return { name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) };
}

function textFile(name: string, text: string): ImportFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

function byTitle(result: ImportResult, title: string) {
  const item = result.items.find((entry) => entry.plaintext.title === title);
  if (!item) throw new Error(`no item titled ${title}`);
  return item;
}

function field(result: ImportResult, title: string, name: string) {
  return byTitle(result, title).plaintext.fields.find((entry) => entry.name === name);
}

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe("Bitwarden JSON, plain personal export", async () => {
  const result = await bitwardenJsonParser.parse(fixture("personal.json"));

  it("imports every record, each a valid Coffer item", () => {
    expect(result.format).toBe("bitwarden-json");
    expect(result.items).toHaveLength(8);
    for (const item of result.items) {
      expect(itemPlaintextSchema.safeParse(item.plaintext).success).toBe(true);
    }
    expect(summarizeImport(result)).toMatchObject({
      items: 8,
      byType: { login: 3, note: 4, ssh_key: 1 },
      withTotp: 2,
      folders: 3,
    });
  });

  it("keeps folders, nested ones split, empty ones declared", () => {
    expect(result.folders).toEqual([["Work"], ["Work", "Servers"], ["Empty folder"]]);
    expect(byTitle(result, "Deploy host").folder).toEqual(["Work", "Servers"]);
    expect(byTitle(result, "Wi-Fi at the office").folder).toEqual(["Work"]);
    expect(byTitle(result, "Company Visa").folder).toEqual([]);
  });

  it("maps a login: username, secret password, TOTP URI, URLs, custom fields by type", () => {
    const login = byTitle(result, "Deploy host").plaintext;
    expect(login.type).toBe("login");
    expect(login.urls).toEqual(["https://deploy.example.com/login", "ssh.example.com"]);
    expect(login.tags).toEqual(["favorite"]);
    expect(login.notes).toBe('Rotated quarterly.\nAsk "ops", not dev, for access; thanks');
    expect(login.fields).toEqual([
      { name: "Username", value: "deploy", secret: false, kind: "username" },
      { name: "Password", value: 'c0rrect,h0rse "battery"', secret: true, kind: "password" },
      {
        name: "One-time code",
        value:
          "otpauth://totp/Example:deploy?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Example&period=30&digits=6",
        secret: true,
        kind: "totp",
      },
      { name: "Region", value: "eu-west-1", secret: false, kind: "text" },
      { name: "Recovery code", value: "rc-7781-2201", secret: true, kind: "password" },
      { name: "Has MFA", value: "true", secret: false, kind: "text" },
      { name: "Password 2", value: "custom-field-named-password", secret: true, kind: "password" },
      { name: "Empty note", value: "", secret: false, kind: "text" },
    ]);
  });

  it("warns about the linked field and the renamed duplicate", () => {
    const codes = result.warnings
      .filter((warning) => warning.item === "Deploy host")
      .map((warning) => warning.code);
    expect(codes).toEqual(["dropped_field", "duplicate_field_name"]);
  });

  it("turns password history into earlier versions, oldest first", () => {
    const history = byTitle(result, "Deploy host").history ?? [];
    expect(
      history.map((version) => version.fields.find((f) => f.name === "Password")?.value),
    ).toEqual(["first-old-password", "second-old-password"]);
    expect(history[0]?.fields.map((f) => f.name)).toEqual(
      byTitle(result, "Deploy host").plaintext.fields.map((f) => f.name),
    );
  });

  it("normalises a bare TOTP seed, leaves the empty password out, warns about the passkey and re-prompt", () => {
    expect(field(result, "Bank — São Paulo 銀行", "One-time code")?.value).toBe("JBSWY3DPEHPK3PXP");
    expect(field(result, "Bank — São Paulo 銀行", "Password")).toBeUndefined();
    const messages = result.warnings
      .filter((warning) => warning.item === "Bank — São Paulo 銀行")
      .map((warning) => warning.message);
    expect(messages).toEqual([
      expect.stringContaining("passkey"),
      expect.stringContaining("re-prompt"),
    ]);
  });

  it("keeps a multi-line unicode note exactly", () => {
    const note = byTitle(result, "Wi-Fi at the office").plaintext;
    expect(note.type).toBe("note");
    expect(note.notes).toBe('SSID: coffer-guest\nKey: p@ss, "quoted", ünïcödé ✓\n\nLast line');
  });

  it("turns a card and an identity into notes with named, masked fields", () => {
    const card = byTitle(result, "Company Visa");
    expect(card.sourceType).toBe("card");
    expect(card.plaintext.type).toBe("note");
    expect(card.plaintext.fields).toEqual([
      { name: "Cardholder name", value: "Ana Lima", secret: false, kind: "text" },
      { name: "Brand", value: "Visa", secret: false, kind: "text" },
      { name: "Card number", value: "4111111111111111", secret: true, kind: "text" },
      { name: "Expiry month", value: "7", secret: false, kind: "text" },
      { name: "Expiry year", value: "2029", secret: false, kind: "text" },
      { name: "Security code", value: "123", secret: true, kind: "text" },
    ]);
    const identity = byTitle(result, "Ana's identity").plaintext;
    const secret = identity.fields.filter((f) => f.secret).map((f) => f.name);
    expect(secret).toEqual(["Social security number", "Passport number", "License number"]);
    expect(identity.fields.map((f) => f.name)).not.toContain("Middle name");
    expect(result.warnings.filter((w) => w.code === "converted_type").map((w) => w.item)).toEqual([
      "Company Visa",
      "Ana's identity",
    ]);
  });

  it("maps an SSH key to an ssh_key item with a secret private key", () => {
    const key = byTitle(result, "CI deploy key").plaintext;
    expect(key.type).toBe("ssh_key");
    expect(key.fields.map((f) => [f.name, f.kind, f.secret])).toEqual([
      ["Public key", "public_key", false],
      ["Private key", "private_key", true],
      ["Fingerprint", "text", false],
    ]);
    expect(key.fields[1]?.value).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+\n$/);
  });

  it("imports trashed and archived records with their state and a warning", () => {
    expect(byTitle(result, "Old forum account").state).toBe("trashed");
    const archived = byTitle(result, "Untitled");
    expect(archived.state).toBe("archived");
    expect(result.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(["trashed", "archived", "attachment_skipped"]),
    );
  });

  it("keeps an unusable TOTP as a secret field with a warning", () => {
    expect(field(result, "Old forum account", "One-time code (not a valid TOTP)")).toEqual({
      name: "One-time code (not a valid TOTP)",
      value: "steam://ABCDE",
      secret: true,
      kind: "password",
    });
  });

  it("never puts a secret value in a warning", () => {
    const text = JSON.stringify(result.warnings);
    for (const secret of [
      "hunter2",
      "4111",
      "123-45-6789",
      "old-password",
      "rc-7781",
      "steam://",
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe("Bitwarden JSON, organisation export", async () => {
  const result = await bitwardenJsonParser.parse(fixture("organization.json"));

  it("turns collections into folders and warns when an item is in several", () => {
    expect(result.folders).toEqual([["Engineering"], ["Engineering", "Production"], ["Finance"]]);
    expect(byTitle(result, "Production database admin").folder).toEqual([
      "Engineering",
      "Production",
    ]);
    expect(byTitle(result, "Payroll runbook").folder).toEqual(["Finance"]);
    expect(byTitle(result, "Unfiled note").folder).toEqual([]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: "dropped_field", item: "Production database admin" }),
    ]);
  });
});

describe("Bitwarden JSON, password protected", async () => {
  const plain = await bitwardenJsonParser.parse(fixture("personal.json"));

  it.each([
    ["PBKDF2-SHA256", "protected-pbkdf2.json"],
    ["Argon2id (parallelism 4)", "protected-argon2id.json"],
  ])(
    "opens a %s file with the right password, to the same items as the plain export",
    async (_kdf, name) => {
      const file = fixture(name);
      expect(bitwardenJsonParser.needsPassword(file)).toBe(true);
      const result = await bitwardenJsonParser.parse(file, { password: PASSWORD });
      expect(result).toEqual(plain);
    },
    30_000,
  );

  it("asks for the password when none is given", async () => {
    const error = await refusal(bitwardenJsonParser.parse(fixture("protected-pbkdf2.json")));
    expect(error.code).toBe("password_required");
  });

  it.each(["protected-pbkdf2.json", "protected-argon2id.json"])(
    "refuses a wrong password for %s",
    async (name) => {
      const error = await refusal(
        bitwardenJsonParser.parse(fixture(name), { password: "Correct horse battery staple" }),
      );
      expect(error.code).toBe("wrong_password");
      expect(error.message).not.toContain("Correct horse");
    },
    30_000,
  );

  it("refuses a file whose MAC does not match, though its ciphertext would decrypt", async () => {
    const file = JSON.parse(readFileSync(path.join(dir, "protected-pbkdf2.json"), "utf8")) as {
      data: string;
    };
    const [iv, ciphertext, mac] = file.data.slice(2).split("|") as [string, string, string];
    // Only the MAC changes: without the MAC check this file would import normally.
    const macBytes = Uint8Array.from(atob(mac), (char) => char.charCodeAt(0));
    macBytes[0] = (macBytes[0] ?? 0) ^ 1;
    file.data = `2.${iv}|${ciphertext}|${btoa(String.fromCharCode(...macBytes))}`;
    const error = await refusal(
      bitwardenJsonParser.parse(textFile("x.json", JSON.stringify(file)), { password: PASSWORD }),
    );
    expect(error.code).toBe("malformed");
  });

  it("refuses KDF settings Bitwarden never writes before doing any work", async () => {
    const text = await encryptBitwardenExport("{}", PASSWORD, { kdfType: 0, iterations: 1000 });
    const edited = JSON.parse(text) as Record<string, unknown>;
    edited.kdfType = 1;
    edited.kdfIterations = 3;
    edited.kdfMemory = 1_000_000;
    edited.kdfParallelism = 4;
    const error = await refusal(
      bitwardenJsonParser.parse(textFile("x.json", JSON.stringify(edited)), { password: PASSWORD }),
    );
    expect(error.code).toBe("malformed");
  });

  it("refuses decrypted content that is not an export", async () => {
    const text = await encryptBitwardenExport('{"hello": 1}', PASSWORD, {
      kdfType: 0,
      iterations: 1000,
    });
    const error = await refusal(
      bitwardenJsonParser.parse(textFile("x.json", text), { password: PASSWORD }),
    );
    expect(error.code).toBe("malformed");
  });
});

describe("Bitwarden JSON from before the encrypted flag", () => {
  it("is recognised and read like a plain export", async () => {
    const file = fixture("legacy-2019.json");
    expect(bitwardenJsonParser.detect(file)).toBe(true);
    const result = await bitwardenJsonParser.parse(file);
    expect(byTitle(result, "Old export login").folder).toEqual(["Work"]);
    expect(field(result, "Old export login", "Password")?.value).toBe("pw");
  });
});

describe("Bitwarden JSON, refusals", () => {
  it("explains that an account-encrypted export cannot be read and what to do", async () => {
    const file = fixture("account-encrypted.json");
    expect(bitwardenJsonParser.detect(file)).toBe(true);
    expect(bitwardenJsonParser.needsPassword(file)).toBe(false);
    const error = await refusal(bitwardenJsonParser.parse(file));
    expect(error.code).toBe("wrong_format");
    expect(error.message).toMatch(/account key.*Password protected/);
  });

  it("refuses a truncated file as damaged", async () => {
    const error = await refusal(bitwardenJsonParser.parse(fixture("truncated.json")));
    expect(error.code).toBe("malformed");
  });

  it("refuses JSON with no item list", async () => {
    const error = await refusal(bitwardenJsonParser.parse(fixture("not-bitwarden.json")));
    expect(error.code).toBe("malformed");
  });

  it("refuses JSON of another shape as the wrong format", async () => {
    const error = await refusal(bitwardenJsonParser.parse(textFile("a.json", '{"accounts": []}')));
    expect(error.code).toBe("wrong_format");
  });

  it("skips a record it cannot read, with a warning naming it", async () => {
    const text = JSON.stringify({
      encrypted: false,
      folders: [],
      items: [
        { name: "Broken", type: "login" },
        { name: "Fine", type: 2, notes: "ok" },
      ],
    });
    const result = await bitwardenJsonParser.parse(textFile("a.json", text));
    expect(result.items.map((item) => item.plaintext.title)).toEqual(["Fine"]);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: "unreadable_record", item: "Broken" }),
    ]);
  });
});
