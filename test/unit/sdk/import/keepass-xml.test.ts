import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { itemPlaintextSchema } from "@/lib/crypto";
import { ImportError, summarizeImport, type ImportedItem } from "@/lib/sdk/import";
import { keepassXmlParser } from "@/lib/sdk/import/keepass-xml";

const FIXTURE = path.resolve(__dirname, "../../../fixtures/import/keepass-xml/keepass-2.xml");
const xml = fs.readFileSync(FIXTURE, "utf8");
const file = (text: string, name = "export.xml") => ({
  name,
  bytes: new TextEncoder().encode(text),
});

async function parsed() {
  return keepassXmlParser.parse(file(xml));
}

function byTitle(items: ImportedItem[], title: string): ImportedItem {
  const item = items.find((candidate) => candidate.plaintext.title === title);
  if (!item) throw new Error(`no item titled ${title}`);
  return item;
}

function fieldOf(item: ImportedItem, name: string) {
  return item.plaintext.fields.find((field) => field.name === name);
}

describe("KeePass 2 XML", () => {
  it("detects a KeePassFile export and nothing else", () => {
    expect(keepassXmlParser.detect(file(xml))).toBe(true);
    expect(keepassXmlParser.detect(file("<?xml version='1.0'?><Passwords/>"))).toBe(false);
    expect(keepassXmlParser.detect(file("Title,Username\nx,y"))).toBe(false);
    expect(keepassXmlParser.needsPassword(file(xml))).toBe(false);
  });

  it("maps standard strings to their meaning and keeps every value intact", async () => {
    const bank = byTitle((await parsed()).items, "Bank portal");
    expect(bank.plaintext.type).toBe("login");
    expect(fieldOf(bank, "Username")).toEqual({
      name: "Username",
      value: "treasurer@example.com",
      secret: false,
      kind: "username",
    });
    expect(fieldOf(bank, "Password")).toEqual({
      name: "Password",
      value: 'p@ss "word", 2026',
      secret: true,
      kind: "password",
    });
    expect(bank.plaintext.notes).toBe(
      'Line one, with a comma\n"Quoted" line two\nDritte Zeile: äöü ✓',
    );
    expect(bank.plaintext.urls).toEqual([
      "https://bank.example.com/login",
      "https://m.bank.example.com",
    ]);
    expect(bank.plaintext.tags).toEqual(["shared", "finance"]);
    expect(bank.folder).toEqual([]);
    expect(bank.state).toBe("active");
    expect(itemPlaintextSchema.safeParse(bank.plaintext).success).toBe(true);
  });

  it("makes ProtectInMemory strings secret, others visible, and keeps empty custom strings", async () => {
    const bank = byTitle((await parsed()).items, "Bank portal");
    expect(fieldOf(bank, "Recovery PIN")).toMatchObject({ value: "4321", secret: true });
    expect(fieldOf(bank, "Account number")).toMatchObject({ value: "DE-0042", secret: false });
    expect(fieldOf(bank, "Empty reminder")).toMatchObject({ value: "", secret: false });
  });

  it("keeps history entries as the item's history, oldest first", async () => {
    const bank = byTitle((await parsed()).items, "Bank portal");
    expect(bank.history?.map((version) => version.title)).toEqual(["Bank", "Bank portal"]);
    expect(
      bank.history?.map((version) => version.fields.find((f) => f.name === "Password")?.value),
    ).toEqual(["old-password-1", "old-password-2"]);
  });

  it("skips attachments with a warning that names the entry", async () => {
    const { warnings } = await parsed();
    expect(warnings).toContainEqual(
      expect.objectContaining({ code: "attachment_skipped", item: "Bank portal" }),
    );
  });

  it("turns nested groups into folder paths, including empty groups", async () => {
    const result = await parsed();
    expect(byTitle(result.items, "GitHub").folder).toEqual(["Work"]);
    expect(byTitle(result.items, "bastion").folder).toEqual(["Work", "Servers"]);
    expect(result.folders).toEqual([["Work"], ["Work", "Servers"], ["Archive 2019"]]);
  });

  it("imports recycle-bin entries as trashed, with a warning, and the bin is no folder", async () => {
    const result = await parsed();
    const ftp = byTitle(result.items, "Old FTP");
    expect(ftp.state).toBe("trashed");
    expect(ftp.folder).toEqual([]);
    expect(result.folders).not.toContainEqual(["Recycle Bin"]);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: "trashed", item: "Old FTP" }),
    );
  });

  it("reads KeePassXC's otp URI, KeePass's TimeOtp strings and flags a broken TOTP Seed", async () => {
    const result = await parsed();
    const github = byTitle(result.items, "GitHub");
    expect(fieldOf(github, "One-time code")).toMatchObject({
      kind: "totp",
      secret: true,
      value: expect.stringMatching(/^otpauth:\/\/totp\/GitHub/),
    });
    expect(fieldOf(github, "otp")).toBeUndefined();

    const bastion = byTitle(result.items, "bastion");
    const code = fieldOf(bastion, "One-time code");
    expect(code?.kind).toBe("totp");
    // Non-default digits and period survive as an otpauth URI.
    expect(code?.value).toMatch(/secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ/);
    expect(code?.value).toMatch(/digits=8/);
    expect(code?.value).toMatch(/period=60/);
    expect(bastion.plaintext.fields.some((f) => f.name.startsWith("TimeOtp-"))).toBe(false);
    expect(fieldOf(bastion, "Host key")).toMatchObject({ kind: "multiline" });
    // Expiry switched on is kept as a date; switched off (the bank portal) adds nothing.
    expect(fieldOf(bastion, "Expires")).toMatchObject({ value: "2027-03-31", secret: false });
    expect(fieldOf(byTitle(result.items, "Bank portal"), "Expires")).toBeUndefined();

    const vpn = byTitle(result.items, "Legacy VPN");
    const kept = vpn.plaintext.fields.find((f) => f.name.includes("not a valid TOTP"));
    expect(kept).toMatchObject({ secret: true, value: "not a base32 seed!" });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: "invalid_totp", item: "Legacy VPN" }),
    );
  });

  it("makes an entry without login data a secure note", async () => {
    const door = byTitle((await parsed()).items, "Office door");
    expect(door.plaintext.type).toBe("note");
    expect(door.plaintext.notes).toBe("Door code is on the badge.");
    expect(door.plaintext.fields).toEqual([]);
  });

  it("never puts a secret value into a warning", async () => {
    const text = JSON.stringify((await parsed()).warnings);
    for (const secret of ["p@ss", "4321", "ftp-pass", "GEZDGNBV", "not a base32", "b4st10n"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("counts every entry in the dry-run summary", async () => {
    const summary = summarizeImport(await parsed());
    expect(summary).toMatchObject({
      format: "keepass-xml",
      items: 6,
      byType: { login: 5, note: 1 },
      withTotp: 2,
      folders: 3,
    });
  });

  it("produces only items the editor can open and save, history included", async () => {
    for (const item of (await parsed()).items) {
      expect(itemPlaintextSchema.safeParse(item.plaintext).success).toBe(true);
      for (const version of item.history ?? []) {
        expect(itemPlaintextSchema.safeParse(version).success).toBe(true);
      }
    }
  });

  it("reads a KeePassXC export: KeeOtp seed, escaped characters, and no bin when it is off", async () => {
    const keepassxc = fs.readFileSync(
      path.join(path.dirname(FIXTURE), "keepassxc-2.7.xml"),
      "utf8",
    );
    expect(keepassXmlParser.detect(file(keepassxc))).toBe(true);
    const result = await keepassXmlParser.parse(file(keepassxc));
    const vpn = byTitle(result.items, "Corporate VPN");
    expect(fieldOf(vpn, "Password")?.value).toBe("vpn&pass<2026>");
    // Default step and size: the bare seed, as the editor stores it.
    expect(fieldOf(vpn, "One-time code")).toMatchObject({
      kind: "totp",
      value: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
    });
    expect(vpn.plaintext.tags).toEqual(["work", "vpn"]);
    // With the recycle bin switched off, a group named "Recycle Bin" is an ordinary folder.
    const kept = byTitle(result.items, "Kept on purpose");
    expect(kept.state).toBe("active");
    expect(kept.folder).toEqual(["Recycle Bin"]);
    expect(result.folders).toEqual([["Recycle Bin"]]);
  });

  it("refuses a truncated file as damaged", async () => {
    const truncated = xml.slice(0, Math.floor(xml.length / 2));
    await expect(keepassXmlParser.parse(file(truncated))).rejects.toMatchObject({
      code: "malformed",
    });
  });

  it("refuses XML that is not a KeePass export, and bytes that are not text", async () => {
    await expect(
      keepassXmlParser.parse(file("<?xml version='1.0'?><Passwords><p/></Passwords>")),
    ).rejects.toMatchObject({ code: "wrong_format" });
    const binary = { name: "x.xml", bytes: new Uint8Array([0xff, 0xfe, 0x00, 0x80]) };
    await expect(keepassXmlParser.parse(binary)).rejects.toBeInstanceOf(ImportError);
  });
});
