import { beforeAll, describe, expect, it } from "vitest";
import { fromBase64Url, toBase64Url } from "../../../lib/crypto/base64url";
import { sealEnvelope } from "../../../lib/crypto/envelope";
import { CryptoError } from "../../../lib/crypto/errors";
import {
  changedSecretFields,
  decryptItem,
  diffItems,
  encryptItem,
  itemAd,
  type ItemContext,
  type ItemPlaintext,
  itemPlaintextSchema,
} from "../../../lib/crypto/items";
import { getSodium } from "../../../lib/crypto/sodium";
import { newVaultKey } from "../../../lib/crypto/vault-keys";

let vaultKey: Uint8Array;
const context: ItemContext = { vaultId: "vlt_1", itemId: "itm_1", keyVersion: 2, revision: 5 };

const login: ItemPlaintext = {
  type: "login",
  title: "Production database",
  fields: [
    { name: "username", value: "admin", secret: false, kind: "username" },
    { name: "password", value: "hunter2-ü", secret: true, kind: "password" },
    { name: "totp", value: "JBSWY3DPEHPK3PXP", secret: true, kind: "totp" },
  ],
  notes: "Rotate quarterly.",
  urls: ["https://db.example"],
  tags: ["prod", "db"],
};

beforeAll(async () => {
  await getSodium();
  vaultKey = newVaultKey();
});

function flipByte(envelope: string): string {
  const [version, nonce, ciphertext = ""] = envelope.split(".");
  const bytes = fromBase64Url(ciphertext);
  bytes[3] = (bytes[3] ?? 0) ^ 0x01;
  return `${version}.${nonce}.${toBase64Url(bytes)}`;
}

describe("itemAd", () => {
  it("is coffer|item|v1|<vaultId>|<itemId>|<keyVersion>|<revision>", () => {
    expect(itemAd("vlt_1", "itm_2", 3, 7)).toBe("coffer|item|v1|vlt_1|itm_2|3|7");
  });
});

describe("encryptItem / decryptItem", () => {
  it("round-trips", () => {
    expect(decryptItem(vaultKey, encryptItem(vaultKey, login, context), context)).toEqual(login);
  });

  it("encrypts the title too: nothing of the plaintext shows in the envelope", () => {
    const envelope = encryptItem(vaultKey, login, context);
    expect(envelope).not.toContain("Production");
    expect(envelope).toMatch(/^v1\./);
  });

  it("serialises with keys in a fixed order", () => {
    const shuffled = {
      tags: login.tags,
      urls: login.urls,
      notes: login.notes,
      fields: login.fields.map(({ kind, secret, value, name }) => ({ kind, secret, value, name })),
      title: login.title,
      type: login.type,
    };
    const key = newVaultKey();
    const a = decryptItem(key, encryptItem(key, shuffled, context), context);
    expect(Object.keys(a)).toEqual(["type", "title", "fields", "notes", "urls", "tags"]);
    expect(Object.keys(a.fields[0] ?? {})).toEqual(["name", "value", "secret", "kind"]);
  });

  it.each<[string, (envelope: string) => [Uint8Array, string, ItemContext]]>([
    ["wrong key", (envelope) => [newVaultKey(), envelope, context]],
    ["other vault", (envelope) => [vaultKey, envelope, { ...context, vaultId: "vlt_2" }]],
    ["other item", (envelope) => [vaultKey, envelope, { ...context, itemId: "itm_2" }]],
    ["other key version", (envelope) => [vaultKey, envelope, { ...context, keyVersion: 1 }]],
    ["older revision", (envelope) => [vaultKey, envelope, { ...context, revision: 4 }]],
    ["newer revision", (envelope) => [vaultKey, envelope, { ...context, revision: 6 }]],
    ["flipped byte", (envelope) => [vaultKey, flipByte(envelope), context]],
    ["truncated", (envelope) => [vaultKey, envelope.slice(0, -4), context]],
  ])("%s → CryptoError 'item'", (_label, tamper) => {
    const [key, envelope, ctx] = tamper(encryptItem(vaultKey, login, context));
    expect(() => decryptItem(key, envelope, ctx)).toThrow("decryption failed: item");
    expect(() => decryptItem(key, envelope, ctx)).not.toThrow("item content");
  });

  it("ciphertexts swapped between two items → both fail", () => {
    const first = { ...context, itemId: "itm_1" };
    const second = { ...context, itemId: "itm_2" };
    const firstEnvelope = encryptItem(vaultKey, login, first);
    const secondEnvelope = encryptItem(vaultKey, { ...login, title: "Other" }, second);
    expect(() => decryptItem(vaultKey, secondEnvelope, first)).toThrow(CryptoError);
    expect(() => decryptItem(vaultKey, firstEnvelope, second)).toThrow(CryptoError);
  });

  it.each([
    ["not JSON", "{title"],
    ["invalid UTF-8", new Uint8Array([0xff, 0xfe])],
    ["JSON of the wrong shape", JSON.stringify({ title: "x" })],
    ["an unknown type", JSON.stringify({ ...login, type: "credit_card" })],
    ["an unknown key", JSON.stringify({ ...login, extra: 1 })],
    [
      "duplicate field names",
      JSON.stringify({ ...login, fields: [login.fields[0], login.fields[0]] }),
    ],
    [
      "a non-boolean secret flag",
      JSON.stringify({ ...login, fields: [{ ...login.fields[0], secret: "yes" }] }),
    ],
  ])("an authentic envelope holding %s → CryptoError 'item content'", async (_label, content) => {
    const sodium = await getSodium();
    const bytes = typeof content === "string" ? sodium.from_string(content) : content;
    const envelope = sealEnvelope(vaultKey, bytes, itemAd("vlt_1", "itm_1", 2, 5));
    expect(() => decryptItem(vaultKey, envelope, context)).toThrow(
      "decryption failed: item content",
    );
  });

  it("refuses to encrypt an item that no client could read back", () => {
    const bad = { ...login, fields: [login.fields[0], login.fields[0]] } as ItemPlaintext;
    expect(() => encryptItem(vaultKey, bad, context)).toThrow(/v1 item shape/);
    expect(() =>
      encryptItem(vaultKey, { ...login, type: "bogus" } as unknown as ItemPlaintext, context),
    ).toThrow(/v1 item shape/);
  });

  it("schema accepts every item type", () => {
    for (const type of ["login", "api_key", "ssh_key", "database", "env_file", "note"] as const) {
      expect(itemPlaintextSchema.safeParse({ ...login, type }).success).toBe(true);
    }
  });
});

function withField(
  item: ItemPlaintext,
  name: string,
  change: Partial<ItemPlaintext["fields"][number]>,
): ItemPlaintext {
  return {
    ...item,
    fields: item.fields.map((field) => (field.name === name ? { ...field, ...change } : field)),
  };
}

describe("changedSecretFields", () => {
  it("nothing changed → []", () => {
    expect(changedSecretFields(login, structuredClone(login))).toEqual([]);
  });

  it("a changed secret value is listed", () => {
    expect(changedSecretFields(login, withField(login, "password", { value: "new" }))).toEqual([
      "password",
    ]);
  });

  it("a changed non-secret value is not", () => {
    expect(changedSecretFields(login, withField(login, "username", { value: "root" }))).toEqual([]);
  });

  it("a new secret field is listed; a new non-secret one is not", () => {
    const after = {
      ...login,
      fields: [
        ...login.fields,
        { name: "recovery", value: "abc", secret: true, kind: "text" as const },
        { name: "port", value: "5432", secret: false, kind: "port" as const },
      ],
    };
    expect(changedSecretFields(login, after)).toEqual(["recovery"]);
  });

  it("a field merely re-marked secret keeps its exposed value → not listed", () => {
    expect(changedSecretFields(login, withField(login, "username", { secret: true }))).toEqual([]);
  });

  it("a removed secret field is not listed", () => {
    const after = { ...login, fields: login.fields.filter((field) => field.name !== "totp") };
    expect(changedSecretFields(login, after)).toEqual([]);
  });

  it("lists several in the order of the new item", () => {
    const after = withField(withField(login, "totp", { value: "X" }), "password", { value: "Y" });
    expect(changedSecretFields(login, after)).toEqual(["password", "totp"]);
  });
});

describe("diffItems", () => {
  it("identical items → []", () => {
    expect(diffItems(login, structuredClone(login))).toEqual([]);
  });

  it("title and notes changes", () => {
    expect(diffItems(login, { ...login, title: "Prod DB", notes: "" })).toEqual([
      {
        path: "title",
        kind: "changed",
        secret: false,
        before: "Production database",
        after: "Prod DB",
      },
      { path: "notes", kind: "changed", secret: false, before: "Rotate quarterly.", after: "" },
    ]);
  });

  it("urls and tags as added / removed values, order ignored", () => {
    const after = { ...login, urls: ["https://db2.example"], tags: ["db", "prod", "eu"] };
    expect(diffItems(login, after)).toEqual([
      { path: "urls", kind: "removed", secret: false, before: "https://db.example" },
      { path: "urls", kind: "added", secret: false, after: "https://db2.example" },
      { path: "tags", kind: "added", secret: false, after: "eu" },
    ]);
  });

  it("fields by name: changed (secret flagged), added, removed", () => {
    const after: ItemPlaintext = {
      ...login,
      fields: [
        { name: "password", value: "changed", secret: true, kind: "password" },
        { name: "username", value: "admin", secret: false, kind: "username" },
        { name: "host", value: "db.internal", secret: false, kind: "host" },
      ],
    };
    expect(diffItems(login, after)).toEqual([
      { path: "fields.totp", kind: "removed", secret: true, before: "JBSWY3DPEHPK3PXP" },
      {
        path: "fields.password",
        kind: "changed",
        secret: true,
        before: "hunter2-ü",
        after: "changed",
      },
      { path: "fields.host", kind: "added", secret: false, after: "db.internal" },
    ]);
  });

  it("reordering fields is not a change", () => {
    expect(diffItems(login, { ...login, fields: [...login.fields].reverse() })).toEqual([]);
  });

  it("a field becoming secret is a change, reported as secret", () => {
    expect(diffItems(login, withField(login, "username", { secret: true }))).toEqual([
      { path: "fields.username", kind: "changed", secret: true, before: "admin", after: "admin" },
    ]);
  });

  it("a type change is reported", () => {
    expect(diffItems(login, { ...login, type: "database" })).toEqual([
      { path: "type", kind: "changed", secret: false, before: "login", after: "database" },
    ]);
  });
});
