import fs from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { itemPlaintextSchema } from "@/lib/crypto";
import { summarizeImport, type ImportedItem } from "@/lib/sdk/import";
import { onePassword1puxParser } from "@/lib/sdk/import/1password-1pux";

const DIR = path.resolve(__dirname, "../../../fixtures/import/1password-1pux");
const exportData = fs.readFileSync(path.join(DIR, "export.data"));
const exportAttributes = fs.readFileSync(path.join(DIR, "export.attributes"));

/** A .1pux is a zip of export.attributes, export.data and files/ for documents. */
function onePux(entries: Record<string, Uint8Array> = {}): { name: string; bytes: Uint8Array } {
  const bytes = zipSync({
    "export.attributes": new Uint8Array(exportAttributes),
    "export.data": new Uint8Array(exportData),
    "files/docleaseid0001__lease.pdf": new TextEncoder().encode("%PDF-1.4 lease"),
    ...entries,
  });
  return { name: "1PasswordExport-ACME-20261202.1pux", bytes };
}

const parse = () => onePassword1puxParser.parse(onePux());

function byTitle(items: ImportedItem[], title: string): ImportedItem {
  const item = items.find((candidate) => candidate.plaintext.title === title);
  if (!item) throw new Error(`no item titled ${title}`);
  return item;
}

function field(item: ImportedItem, name: string) {
  return item.plaintext.fields.find((candidate) => candidate.name === name);
}

describe("1Password 1PUX", () => {
  it("detects a zip holding export.data, and not other zips", () => {
    expect(onePassword1puxParser.detect(onePux())).toBe(true);
    const other = zipSync({ "readme.txt": new TextEncoder().encode("hi") });
    expect(onePassword1puxParser.detect({ name: "x.1pux", bytes: other })).toBe(false);
    expect(onePassword1puxParser.detect({ name: "x.csv", bytes: exportData })).toBe(false);
    expect(onePassword1puxParser.needsPassword(onePux())).toBe(false);
  });

  it("still claims a .1pux cut short, so parsing reports it damaged", async () => {
    const { bytes } = onePux();
    const cut = { name: "export.1pux", bytes: bytes.slice(0, 200) };
    expect(onePassword1puxParser.detect(cut)).toBe(true);
    expect(onePassword1puxParser.detect({ ...cut, name: "export.zip" })).toBe(false);
    await expect(onePassword1puxParser.parse(cut)).rejects.toMatchObject({ code: "malformed" });
  });

  it("maps a login: designated username and password, TOTP, URLs, tags, notes", async () => {
    const github = byTitle((await parse()).items, "GitHub");
    expect(github.sourceType).toBe("Login");
    expect(github.plaintext).toMatchObject({
      type: "login",
      urls: ["https://github.com/login", "https://gist.github.com"],
      tags: ["dev", "work/ci"],
      notes: 'Recovery codes are in the safe.\nSecond line, with "quotes", commas — and ünïcødé.',
    });
    expect(github.plaintext.fields).toEqual([
      { name: "Username", value: "dana-ops", secret: false, kind: "username" },
      { name: "Password", value: 'Gh,"pass"2026', secret: true, kind: "password" },
      { name: "remember_me", value: "✓", secret: false, kind: "text" },
      {
        name: "One-time code",
        value:
          "otpauth://totp/GitHub:dana-ops?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=GitHub",
        secret: true,
        kind: "totp",
      },
      { name: "Recovery email", value: "dana+gh@acme.example", secret: false, kind: "email" },
    ]);
    expect(itemPlaintextSchema.safeParse(github.plaintext).success).toBe(true);
  });

  it("keeps the password history as versions, oldest first", async () => {
    const github = byTitle((await parse()).items, "GitHub");
    expect(
      github.history?.map((version) => field({ ...github, plaintext: version }, "Password")?.value),
    ).toEqual(["older-password-1", "older-password-2"]);
  });

  it("makes each vault a folder, including an empty one", async () => {
    const result = await parse();
    expect(result.folders).toEqual([["Private"], ["Shared Infra"], ["Empty vault"]]);
    expect(byTitle(result.items, "GitHub").folder).toEqual(["Private"]);
    expect(byTitle(result.items, "Orders database").folder).toEqual(["Shared Infra"]);
  });

  it("turns a credit card into a note with named fields, the number, CVV and PIN secret", async () => {
    const result = await parse();
    const card = byTitle(result.items, "Company Visa");
    expect(card.plaintext.type).toBe("note");
    expect(card.sourceType).toBe("Credit Card");
    expect(card.plaintext.fields).toEqual([
      { name: "Cardholder name", value: "Dana Operator", secret: false, kind: "text" },
      { name: "Type", value: "visa", secret: false, kind: "text" },
      { name: "Number", value: "4111111111111111", secret: true, kind: "text" },
      { name: "Verification number", value: "737", secret: true, kind: "password" },
      { name: "Expiry date", value: "12/2029", secret: false, kind: "text" },
      { name: "PIN", value: "9876", secret: true, kind: "password" },
    ]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: "converted_type", item: "Company Visa" }),
    );
  });

  it("turns an identity into a note, with the address on lines and dates as days", async () => {
    const identity = byTitle((await parse()).items, "Dana Operator");
    expect(identity.plaintext.type).toBe("note");
    expect(field(identity, "Birth date")?.value).toBe("1990-01-01");
    expect(field(identity, "Address")).toEqual({
      name: "Address",
      value: "1 Main St\nSpringfield IL 12345\nus",
      secret: false,
      kind: "multiline",
    });
    expect(field(identity, "Default phone")?.value).toBe("+1 555 0100");
    // An empty template placeholder is not imported.
    expect(field(identity, "Occupation")).toBeUndefined();
  });

  it("maps an API credential onto an API key", async () => {
    const api = byTitle((await parse()).items, "Stripe live key");
    expect(api.plaintext).toMatchObject({
      type: "api_key",
      notes: "Live key; rotate on offboarding.",
      tags: ["billing"],
    });
    expect(api.plaintext.fields).toEqual([
      { name: "Username", value: "acme-billing", secret: false, kind: "username" },
      { name: "Secret", value: "sk_live_51Hxyz", secret: true, kind: "password" },
      { name: "Type", value: "bearer", secret: false, kind: "text" },
      { name: "Expires", value: "2027-01-01", secret: false, kind: "text" },
      { name: "Host", value: "api.stripe.com", secret: false, kind: "host" },
    ]);
  });

  it("maps an SSH key from its OpenSSH metadata without repeating the public key", async () => {
    const ssh = byTitle((await parse()).items, "Deploy key");
    expect(ssh.plaintext.type).toBe("ssh_key");
    expect(ssh.plaintext.fields.map((f) => [f.name, f.kind, f.secret])).toEqual([
      ["Private key", "private_key", true],
      ["Public key", "public_key", false],
      ["Fingerprint", "text", false],
      ["Key type", "text", false],
      ["Used on", "text", false],
    ]);
    expect(field(ssh, "Private key")?.value).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
    expect(field(ssh, "Public key")?.value).toBe(
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExamplePublicKey deploy@acme",
    );
  });

  it("maps a database onto the database template's fields", async () => {
    const db = byTitle((await parse()).items, "Orders database");
    expect(db.plaintext.type).toBe("database");
    expect(db.plaintext.fields).toEqual([
      { name: "Type", value: "postgresql", secret: false, kind: "text" },
      { name: "Host", value: "db.prod.internal", secret: false, kind: "host" },
      { name: "Port", value: "5432", secret: false, kind: "port" },
      { name: "Database", value: "orders", secret: false, kind: "text" },
      { name: "Username", value: "app", secret: false, kind: "username" },
      { name: "Password", value: "pg-Pr0d-pass", secret: true, kind: "password" },
      { name: "Alias", value: "orders-primary", secret: false, kind: "text" },
      { name: "Connection options", value: "sslmode=require", secret: false, kind: "text" },
    ]);
  });

  it("maps a server onto a login with its URL, and keeps the admin console fields", async () => {
    const server = byTitle((await parse()).items, "Build server");
    expect(server.plaintext.type).toBe("login");
    expect(server.plaintext.urls).toEqual(["https://build.acme.example"]);
    expect(field(server, "Username")?.value).toBe("jenkins");
    expect(field(server, "Password")).toMatchObject({ value: "j3nk1ns!", secret: true });
    expect(field(server, "Console password")).toMatchObject({
      value: "console-pass",
      secret: true,
    });
    expect(field(server, "Admin console URL")?.value).toBe("https://build.acme.example/manage");
  });

  it("keeps a password item, a secure note and a document's notes", async () => {
    const result = await parse();
    expect(field(byTitle(result.items, "Router admin"), "Password")?.value).toBe(
      "router-admin-2026",
    );
    expect(byTitle(result.items, "Office notes").plaintext).toMatchObject({
      type: "note",
      notes: 'Wi-Fi guest code: "blue-kettle"\nRotate every quarter.',
      tags: ["office"],
    });
    const lease = byTitle(result.items, "Office lease");
    expect(lease.plaintext).toMatchObject({ type: "note", notes: "Signed copy of the lease." });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: "attachment_skipped", item: "Office lease" }),
    );
  });

  it("imports archived and trashed items with their state and a warning", async () => {
    const result = await parse();
    expect(byTitle(result.items, "Old forum").state).toBe("archived");
    expect(byTitle(result.items, "Old FTP").state).toBe("trashed");
    const codes = result.warnings.map((warning) => [warning.code, warning.item]);
    expect(codes).toContainEqual(["archived", "Old forum"]);
    expect(codes).toContainEqual(["trashed", "Old FTP"]);
  });

  it("warns about a dropped item link, a skipped file and an unusable TOTP seed", async () => {
    const result = await parse();
    const forum = result.warnings.filter((warning) => warning.item === "Old forum");
    expect(forum.map((warning) => warning.code).sort()).toEqual([
      "archived",
      "attachment_skipped",
      "dropped_field",
      "invalid_totp",
    ]);
    expect(forum.find((w) => w.code === "dropped_field")?.message).toMatch(/Related item/);
    const kept = byTitle(result.items, "Old forum").plaintext.fields.find((f) =>
      f.name.includes("not a valid TOTP"),
    );
    expect(kept).toMatchObject({ value: "not-a-seed!", secret: true });
  });

  it("reports a record it cannot read and goes on with the rest", async () => {
    const result = await parse();
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: "unreadable_record", item: "Broken record" }),
    );
    expect(result.items.some((item) => item.plaintext.title === "Broken record")).toBe(false);
  });

  it("never puts a secret value in a warning", async () => {
    const text = JSON.stringify((await parse()).warnings);
    for (const secret of [
      "Gh,",
      "4111111111111111",
      "737",
      "9876",
      "sk_live",
      "pg-Pr0d",
      "ftp-pass",
      "not-a-seed",
      "wpa2-secret",
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("summarises for the dry run", async () => {
    expect(summarizeImport(await parse())).toMatchObject({
      format: "1password-1pux",
      items: 13,
      byType: { login: 5, note: 5, api_key: 1, ssh_key: 1, database: 1 },
      withTotp: 1,
      folders: 3,
    });
  });

  it("produces only items the editor can open and save", async () => {
    for (const item of (await parse()).items) {
      expect(itemPlaintextSchema.safeParse(item.plaintext).success).toBe(true);
      for (const version of item.history ?? []) {
        expect(itemPlaintextSchema.safeParse(version).success).toBe(true);
      }
    }
  });

  it("reads a login whose username is a linked account object", async () => {
    const item = {
      categoryUuid: "001",
      overview: { title: "Alias login" },
      details: {
        loginFields: [
          { designation: "username", value: { email_address: "alias@fastmail.example" } },
          { designation: "password", value: "pw" },
        ],
      },
    };
    const json = JSON.stringify({
      accounts: [
        { attrs: { accountName: "A" }, vaults: [{ attrs: { name: "V" }, items: [item] }] },
      ],
    });
    const bytes = zipSync({ "export.data": new TextEncoder().encode(json) });
    const [login] = (await onePassword1puxParser.parse({ name: "a.1pux", bytes })).items;
    expect(login?.plaintext.fields[0]).toEqual({
      name: "Username",
      value: "alias@fastmail.example",
      secret: false,
      kind: "username",
    });
  });

  it("names folders after vault and account when the export holds several accounts", async () => {
    const account = (name: string, title: string) => ({
      attrs: { accountName: name },
      vaults: [
        {
          attrs: { name: "Private" },
          // Older exports wrap each item in {"item": …}.
          items: [{ item: { categoryUuid: "003", overview: { title }, details: {} } }],
        },
      ],
    });
    const json = JSON.stringify({ accounts: [account("Acme", "A"), account("Home", "B")] });
    const bytes = zipSync({ "export.data": new TextEncoder().encode(json) });
    const result = await onePassword1puxParser.parse({ name: "two.1pux", bytes });
    expect(result.folders).toEqual([["Private (Acme)"], ["Private (Home)"]]);
    expect(result.items.map((item) => [item.plaintext.title, item.folder])).toEqual([
      ["A", ["Private (Acme)"]],
      ["B", ["Private (Home)"]],
    ]);
  });

  it("refuses a truncated file, a zip without export.data, and broken JSON", async () => {
    const bytes = onePux().bytes;
    await expect(
      onePassword1puxParser.parse({ name: "x.1pux", bytes: bytes.slice(0, bytes.length - 40) }),
    ).rejects.toMatchObject({ name: "ImportError", code: "malformed" });
    const noData = zipSync({ "export.attributes": new Uint8Array(exportAttributes) });
    await expect(
      onePassword1puxParser.parse({ name: "x.1pux", bytes: noData }),
    ).rejects.toMatchObject({ code: "wrong_format" });
    const badJson = zipSync({ "export.data": new TextEncoder().encode('{"accounts": [') });
    await expect(
      onePassword1puxParser.parse({ name: "x.1pux", bytes: badJson }),
    ).rejects.toMatchObject({ code: "malformed" });
    await expect(
      onePassword1puxParser.parse({ name: "x.1pux", bytes: new TextEncoder().encode("Title,Url") }),
    ).rejects.toMatchObject({ code: "wrong_format" });
  });
});
