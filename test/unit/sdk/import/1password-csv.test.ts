import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { itemPlaintextSchema } from "@/lib/crypto";
import { summarizeImport, type ImportedItem } from "@/lib/sdk/import";
import { onePasswordCsvParser } from "@/lib/sdk/import/1password-csv";

const DIR = path.resolve(__dirname, "../../../fixtures/import/1password-csv");
const fixture = (name: string) => ({
  name,
  bytes: new Uint8Array(fs.readFileSync(path.join(DIR, name))),
});
const text = (body: string, name = "export.csv") => ({
  name,
  bytes: new TextEncoder().encode(body),
});

function byTitle(items: ImportedItem[], title: string): ImportedItem {
  const item = items.find((candidate) => candidate.plaintext.title === title);
  if (!item) throw new Error(`no item titled ${title}`);
  return item;
}

function field(item: ImportedItem, name: string) {
  return item.plaintext.fields.find((candidate) => candidate.name === name);
}

describe("1Password CSV detection", () => {
  it.each(["1password-8.csv", "1password-7-windows.csv", "1password-7-mac.csv"])(
    "recognises %s",
    (name) => {
      expect(onePasswordCsvParser.detect(fixture(name))).toBe(true);
    },
  );

  it.each([
    ["Safari", "Title,URL,Username,Password,Notes,OTPAuth\n"],
    ["Chrome", "name,url,username,password,note\n"],
    [
      "Bitwarden",
      "folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n",
    ],
    ["LastPass", "url,username,password,totp,extra,name,grouping,fav\n"],
    ["Dashlane", "username,username2,username3,title,password,note,url,category,otpSecret\n"],
    [
      "Firefox",
      '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed","timePasswordChanged"\n',
    ],
  ])("leaves %s's CSV to its own parser", (_tool, header) => {
    expect(onePasswordCsvParser.detect(text(header))).toBe(false);
  });
});

describe("1Password 8 CSV", () => {
  const parse = () => onePasswordCsvParser.parse(fixture("1password-8.csv"));

  it("maps each known column to its meaning, not to custom fields", async () => {
    const github = byTitle((await parse()).items, "GitHub");
    expect(github.plaintext).toEqual({
      type: "login",
      title: "GitHub",
      fields: [
        { name: "Username", value: "dana-ops", secret: false, kind: "username" },
        { name: "Password", value: 'Gh,"pass"2026', secret: true, kind: "password" },
        {
          name: "One-time code",
          value:
            "otpauth://totp/GitHub:dana-ops?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=GitHub",
          secret: true,
          kind: "totp",
        },
      ],
      notes: 'Recovery codes are in the safe.\nSecond line, with "quotes", commas — and ünïcødé.',
      urls: ["https://github.com/login"],
      tags: ["dev", "work"],
    });
    expect(itemPlaintextSchema.safeParse(github.plaintext).success).toBe(true);
  });

  it("imports archived rows as archived, with a warning", async () => {
    const result = await parse();
    expect(byTitle(result.items, "Old forum").state).toBe("archived");
    expect(byTitle(result.items, "GitHub").state).toBe("active");
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: "archived", item: "Old forum" }),
    );
  });

  it("makes a row without login data a secure note and keeps a login with an empty password", async () => {
    const result = await parse();
    expect(byTitle(result.items, "Office notes").plaintext).toMatchObject({
      type: "note",
      fields: [],
      notes: 'Wi-Fi guest code: "blue-kettle"\nRotate every quarter.',
      tags: ["office"],
    });
    const kiosk = byTitle(result.items, "Empty password");
    expect(kiosk.plaintext.type).toBe("login");
    expect(field(kiosk, "Username")?.value).toBe("kiosk");
  });

  it("summarises for the dry run", async () => {
    expect(summarizeImport(await parse())).toMatchObject({
      format: "1password-csv",
      items: 4,
      byType: { login: 3, note: 1 },
      withTotp: 1,
      folders: 0,
    });
  });
});

describe("1Password 7 for Windows CSV", () => {
  const parse = () => onePasswordCsvParser.parse(fixture("1password-7-windows.csv"));

  it("reads section columns as named fields, secret by meaning, and skips bookkeeping", async () => {
    const account = byTitle((await parse()).items, "1Password Account");
    expect(account.plaintext.type).toBe("login");
    expect(account.plaintext.notes).toBe("Sign in to 1password.com with this.");
    expect(account.plaintext.tags).toEqual(["Starter Kit"]);
    const names = account.plaintext.fields.map((f) => [f.name, f.secret]);
    expect(names).toEqual([
      ["Username", false],
      ["Password", true],
      ["Email", false],
      ["Master-password", true],
      ["Account-key", true],
      ["Secret key", true],
    ]);
    // UUID, scope and autosubmit are 1Password's bookkeeping, not the person's data.
    expect(JSON.stringify(account.plaintext)).not.toMatch(/k3f2a1b0|"Default"/);
  });

  it("keeps a card's values as a note with the number and CVV secret", async () => {
    const card = byTitle((await parse()).items, "Company Visa");
    expect(card.plaintext.type).toBe("note");
    expect(card.plaintext.fields).toEqual([
      { name: "Cardholder name", value: "Dana Operator", secret: false, kind: "text" },
      { name: "Number", value: "4111111111111111", secret: true, kind: "text" },
      { name: "Verification number", value: "737", secret: true, kind: "text" },
      { name: "Expiry date", value: "12/2029", secret: false, kind: "text" },
    ]);
  });

  it("splits the URLS column into every URL", async () => {
    const intranet = byTitle((await parse()).items, "Intranet");
    expect(intranet.plaintext.urls).toEqual([
      "https://intranet.example.com",
      "https://intranet-backup.example.com",
    ]);
  });
});

describe("1Password 7 for Mac CSV", () => {
  const parse = () => onePasswordCsvParser.parse(fixture("1password-7-mac.csv"));

  it("uses the Type column and the field ids", async () => {
    const result = await parse();
    const github = byTitle(result.items, "GitHub");
    expect(github.plaintext).toMatchObject({
      type: "login",
      urls: ["https://github.com"],
      tags: ["dev", "work"],
      notes: "Primary dev login.",
    });
    expect(field(github, "Password")).toMatchObject({ value: "Gh-mac-pass", secret: true });

    const db = byTitle(result.items, "Orders database");
    expect(db.plaintext.type).toBe("database");
    expect(db.plaintext.fields).toEqual([
      { name: "Connection options", value: "sslmode=require", secret: false, kind: "text" },
      { name: "Database", value: "orders", secret: false, kind: "text" },
      { name: "Password", value: "pg-Pr0d-pass", secret: true, kind: "password" },
      { name: "Port", value: "5432", secret: false, kind: "port" },
      { name: "Host", value: "db.prod.internal", secret: false, kind: "host" },
      { name: "Type", value: "postgresql", secret: false, kind: "text" },
      { name: "Username", value: "app", secret: false, kind: "username" },
    ]);
  });

  it("converts a credit card to a note with a warning, and keeps a secure note", async () => {
    const result = await parse();
    const card = byTitle(result.items, "Company Visa");
    expect(card.plaintext.type).toBe("note");
    expect(card.sourceType).toBe("Credit Card");
    expect(field(card, "Number")).toMatchObject({ value: "4111111111111111", secret: true });
    expect(field(card, "PIN")).toMatchObject({ value: "1234", secret: true });
    expect(field(card, "Verification number")).toMatchObject({ value: "737", secret: true });
    expect(field(card, "Cardholder name")).toMatchObject({ secret: false });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: "converted_type", item: "Company Visa" }),
    );
    expect(byTitle(result.items, "Welcome to 1Password!").plaintext).toMatchObject({
      type: "note",
      tags: ["Starter Kit"],
      notes: "Follow these steps to get started.",
    });
    expect(JSON.stringify(result.warnings)).not.toMatch(/4111|737|1234|pg-Pr0d/);
  });
});

describe("every 1Password CSV", () => {
  it.each(["1password-8.csv", "1password-7-windows.csv", "1password-7-mac.csv"])(
    "%s gives only items the editor can open and save",
    async (name) => {
      const result = await onePasswordCsvParser.parse(fixture(name));
      expect(result.items.length).toBeGreaterThan(0);
      for (const item of result.items) {
        expect(itemPlaintextSchema.safeParse(item.plaintext).success).toBe(true);
      }
    },
  );
});

describe("1Password CSV refusals", () => {
  it("refuses a file cut short inside a quoted value", async () => {
    const body = fs.readFileSync(path.join(DIR, "1password-8.csv"), "utf8");
    const cut = body.slice(0, body.indexOf("Second line"));
    await expect(onePasswordCsvParser.parse(text(cut))).rejects.toMatchObject({
      name: "ImportError",
      code: "malformed",
    });
  });

  it("refuses a CSV without a Title column as the wrong format", async () => {
    await expect(
      onePasswordCsvParser.parse(text("name,url,username,password\nx,y,z,w\n")),
    ).rejects.toMatchObject({ code: "wrong_format" });
  });
});
