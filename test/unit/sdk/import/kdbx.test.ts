import { argon2d, argon2id } from "hash-wasm";
import * as kdbxweb from "kdbxweb";
import { beforeAll, describe, expect, it } from "vitest";
import { summarizeImport, type ImportedItem } from "@/lib/sdk/import";
import { kdbxParser } from "@/lib/sdk/import/kdbx";

const PASSWORD = "correct horse battery staple";
const { Consts, Kdbx, ProtectedValue, VarDictionary } = kdbxweb;

// Writing a KDBX 4 fixture needs Argon2 before the parser registers its own; this one is set
// up independently so a parser that derived the key differently would fail to open the file.
beforeAll(() => {
  kdbxweb.CryptoEngine.setArgon2Impl(
    async (password, salt, memory, iterations, length, parallelism, type) => {
      const hash = type === kdbxweb.CryptoEngine.Argon2TypeArgon2d ? argon2d : argon2id;
      const output = await hash({
        password: new Uint8Array(password),
        salt: new Uint8Array(salt),
        memorySize: memory,
        iterations,
        parallelism,
        hashLength: length,
        outputType: "binary",
      });
      return output.slice().buffer;
    },
  );
});

type Variant = { name: string; version: 3 | 4; kdf: string; cipher?: string };

const VARIANTS: Variant[] = [
  { name: "KDBX 3.1 with AES-KDF", version: 3, kdf: Consts.KdfId.Aes },
  { name: "KDBX 4 with AES-KDF", version: 4, kdf: Consts.KdfId.Aes },
  { name: "KDBX 4 with Argon2d", version: 4, kdf: Consts.KdfId.Argon2d },
  { name: "KDBX 4 with Argon2id", version: 4, kdf: Consts.KdfId.Argon2id },
  // KeePassXC's default for new databases.
  {
    name: "KDBX 4 with Argon2id and ChaCha20",
    version: 4,
    kdf: Consts.KdfId.Argon2id,
    cipher: Consts.CipherId.ChaCha20,
  },
];

/** A database shaped like a team's: groups, a recycled entry, history, an attachment, TOTP. */
async function teamDatabase(variant: Variant): Promise<Uint8Array> {
  const credentials = new kdbxweb.Credentials(ProtectedValue.fromString(PASSWORD));
  const db = Kdbx.create(credentials, "Team secrets");
  db.setVersion(variant.version);
  db.setKdf(variant.kdf);
  if (variant.cipher) db.header.dataCipherUuid = new kdbxweb.KdbxUuid(variant.cipher);
  if (variant.kdf !== Consts.KdfId.Aes) {
    // Parallelism above 1 is what KeePassXC writes and what libsodium cannot compute.
    db.header.kdfParameters?.set("P", VarDictionary.ValueType.UInt32, 2);
    db.header.kdfParameters?.set("I", VarDictionary.ValueType.UInt64, new kdbxweb.Int64(2));
  }
  const root = db.getDefaultGroup();

  const github = db.createEntry(root);
  github.fields.set("Title", "GitHub");
  github.fields.set("UserName", "octo-ops");
  github.fields.set("Password", ProtectedValue.fromString("first-password"));
  github.fields.set("URL", "https://github.com/login");
  github.pushHistory();
  github.fields.set("Password", ProtectedValue.fromString('gh-Secret-1, "quoted"'));
  github.fields.set(
    "otp",
    ProtectedValue.fromString("otpauth://totp/GitHub?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"),
  );
  github.fields.set("Notes", "Two lines\nünïcödé ✓");
  github.fields.set("Deploy token", ProtectedValue.fromString("ghp_token_value"));
  github.fields.set("Team", "platform");
  github.tags = ["dev", "ci"];
  const binary = await db.createBinary(ProtectedValue.fromString("attachment body"));
  github.binaries.set("recovery-codes.txt", binary);

  const work = db.createGroup(root, "Work");
  const servers = db.createGroup(work, "Servers");
  const bastion = db.createEntry(servers);
  bastion.fields.set("Title", "bastion");
  bastion.fields.set("UserName", "root");
  bastion.fields.set("Password", ProtectedValue.fromString("b4st10n!"));
  bastion.times.expires = true;
  bastion.times.expiryTime = new Date("2027-03-31T00:00:00Z");
  db.createGroup(root, "Empty group");

  const old = db.createEntry(root);
  old.fields.set("Title", "Old FTP");
  old.fields.set("UserName", "ftp");
  old.fields.set("Password", ProtectedValue.fromString("ftp-pass"));
  db.remove(old);

  return new Uint8Array(await db.save());
}

const kdbxFile = (bytes: Uint8Array) => ({ name: "team.kdbx", bytes });

function byTitle(items: ImportedItem[], title: string): ImportedItem {
  const item = items.find((candidate) => candidate.plaintext.title === title);
  if (!item) throw new Error(`no item titled ${title}`);
  return item;
}

describe.each(VARIANTS)("$name", (variant) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await teamDatabase(variant);
  });

  it("detects the KDBX signature and asks for a password", () => {
    expect(kdbxParser.detect(kdbxFile(bytes))).toBe(true);
    expect(kdbxParser.needsPassword(kdbxFile(bytes))).toBe(true);
  });

  it("opens with the master password and maps entries, groups, history and the bin", async () => {
    const result = await kdbxParser.parse(kdbxFile(bytes), { password: PASSWORD });
    const github = byTitle(result.items, "GitHub");
    expect(github.plaintext).toMatchObject({
      type: "login",
      notes: "Two lines\nünïcödé ✓",
      urls: ["https://github.com/login"],
      tags: ["dev", "ci"],
    });
    expect(github.plaintext.fields).toEqual(
      expect.arrayContaining([
        { name: "Username", value: "octo-ops", secret: false, kind: "username" },
        { name: "Password", value: 'gh-Secret-1, "quoted"', secret: true, kind: "password" },
        {
          name: "One-time code",
          value: "otpauth://totp/GitHub?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
          secret: true,
          kind: "totp",
        },
        { name: "Deploy token", value: "ghp_token_value", secret: true, kind: "text" },
        { name: "Team", value: "platform", secret: false, kind: "text" },
      ]),
    );
    expect(github.history?.[0]?.fields).toContainEqual({
      name: "Password",
      value: "first-password",
      secret: true,
      kind: "password",
    });
    const bastion = byTitle(result.items, "bastion");
    expect(bastion.folder).toEqual(["Work", "Servers"]);
    expect(bastion.plaintext.fields).toContainEqual({
      name: "Expires",
      value: "2027-03-31",
      secret: false,
      kind: "text",
    });
    expect(result.folders).toEqual([["Work"], ["Work", "Servers"], ["Empty group"]]);
    const old = byTitle(result.items, "Old FTP");
    expect(old.state).toBe("trashed");
    expect(result.folders).not.toContainEqual(["Recycle Bin"]);
    expect(result.warnings.map((warning) => [warning.code, warning.item])).toEqual(
      expect.arrayContaining([
        ["attachment_skipped", "GitHub"],
        ["trashed", "Old FTP"],
      ]),
    );
    expect(JSON.stringify(result.warnings)).not.toMatch(/gh-Secret|ftp-pass|ghp_token/);
    expect(summarizeImport(result)).toMatchObject({
      format: "kdbx",
      items: 3,
      byType: { login: 3 },
      withTotp: 1,
      folders: 3,
    });
  });

  it("refuses a wrong password", async () => {
    await expect(
      kdbxParser.parse(kdbxFile(bytes), { password: "wrong password" }),
    ).rejects.toMatchObject({ name: "ImportError", code: "wrong_password" });
  });

  it("asks for a password when none is given", async () => {
    await expect(kdbxParser.parse(kdbxFile(bytes))).rejects.toMatchObject({
      code: "password_required",
    });
  });

  it("refuses a truncated file as damaged, not as a wrong password", async () => {
    for (const length of [bytes.length - 7, Math.floor(bytes.length * 0.6) | 1]) {
      await expect(
        kdbxParser.parse(kdbxFile(bytes.slice(0, length)), { password: PASSWORD }),
      ).rejects.toMatchObject({ code: "malformed" });
    }
  });
});

describe("KDBX credentials Coffer does not support", () => {
  it("refuses a database that also needs a key file, and says why", async () => {
    const keyFile = await kdbxweb.Credentials.createRandomKeyFile();
    const db = Kdbx.create(
      new kdbxweb.Credentials(ProtectedValue.fromString(PASSWORD), keyFile),
      "Key file",
    );
    db.setKdf(Consts.KdfId.Aes);
    const bytes = new Uint8Array(await db.save());
    const refusal = kdbxParser.parse(kdbxFile(bytes), { password: PASSWORD });
    await expect(refusal).rejects.toMatchObject({ code: "wrong_password" });
    await expect(refusal).rejects.toThrow(/key file/);
  });
});

describe("KDBX detection and format errors", () => {
  it("does not claim other files", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(kdbxParser.detect(kdbxFile(zip))).toBe(false);
    expect(kdbxParser.detect(kdbxFile(new TextEncoder().encode("<KeePassFile>")))).toBe(false);
    await expect(
      kdbxParser.parse(kdbxFile(new TextEncoder().encode("Title,Password")), { password: "x" }),
    ).rejects.toMatchObject({ code: "wrong_format" });
  });

  it("refuses an old KeePass 1 (.kdb) database by its second signature", async () => {
    // KeePass 1.x files share the first signature word but not the second.
    const kdb = new Uint8Array([
      0x03,
      0xd9,
      0xa2,
      0x9a,
      0x65,
      0xfb,
      0x4b,
      0xb5,
      ...new Array(120).fill(0),
    ]);
    await expect(kdbxParser.parse(kdbxFile(kdb), { password: "x" })).rejects.toMatchObject({
      name: "ImportError",
    });
  });
});
