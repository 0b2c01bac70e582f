import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { getSodium, KDF_FLOOR, type ItemField } from "../../../../lib/crypto";
import {
  CSV_EXPORT_COLUMNS,
  csvExport,
  encryptExport,
  envFileText,
  MIN_EXPORT_PASSPHRASE_LENGTH,
  plainJsonExport,
  PLAIN_EXPORT_WARNING,
} from "../../../../lib/sdk/export";
import { parseDotenv } from "../../../../lib/sdk/dotenv";
import { createCofferParser } from "../../../../lib/sdk/import/coffer";
import { directKdfRunner, type KdfRunner } from "../../../../lib/sdk/kdf-runner";
import { sampleExportContent } from "../../../fixtures/export/sample-content";

const floor = { alg: "argon2id13", ...KDF_FLOOR } as const;
const encoder = new TextEncoder();

/** Counts Argon2id runs, so a test can say the worker port is what derived the key. */
function countingRunner(): KdfRunner & { runs: number } {
  const runner = {
    runs: 0,
    async slowHash(...args: Parameters<KdfRunner["slowHash"]>) {
      runner.runs += 1;
      return directKdfRunner.slowHash(...args);
    },
  };
  return runner;
}

beforeAll(async () => {
  await getSodium();
});

describe("export → import round trip", () => {
  it("brings back every item, field and earlier version from the encrypted file", async () => {
    const runner = countingRunner();
    const text = await encryptExport(runner, sampleExportContent, "a long passphrase", floor);
    const parsed = await createCofferParser(runner).parse(
      { name: "vaults.coffer", bytes: encoder.encode(text) },
      { password: "a long passphrase" },
    );
    expect(runner.runs).toBe(2);
    const vaults = sampleExportContent.vaults;
    expect(parsed.items.map((item) => item.plaintext)).toEqual(
      vaults.flatMap((vault) => vault.items.map((item) => item.plaintext)),
    );
    expect(parsed.items.map((item) => item.history)).toEqual(
      vaults.flatMap((vault) => vault.items.map((item) => item.history)),
    );
    expect(parsed.items.map((item) => item.folder[0])).toEqual(
      vaults.flatMap((vault) => vault.items.map(() => vault.name)),
    );
  });

  it("refuses a passphrase shorter than the minimum before deriving anything", async () => {
    const runner = countingRunner();
    const short = "x".repeat(MIN_EXPORT_PASSPHRASE_LENGTH - 1);
    await expect(encryptExport(runner, sampleExportContent, short, floor)).rejects.toThrow(
      /at least/,
    );
    expect(runner.runs).toBe(0);
  });

  it("says at the top of a plain JSON file that it is not encrypted", () => {
    const text = plainJsonExport(sampleExportContent);
    const value = JSON.parse(text);
    expect(value.format).toBe("coffer-plain-export");
    expect(value.warning).toBe(PLAIN_EXPORT_WARNING);
    expect(text.indexOf("warning")).toBeLessThan(text.indexOf("vaults"));
  });
});

describe("CSV export", () => {
  const rows = () =>
    Papa.parse<Record<string, string>>(csvExport(sampleExportContent), {
      header: true,
      skipEmptyLines: true,
    });

  it("has one row per item with the documented columns", () => {
    const parsed = rows();
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_EXPORT_COLUMNS]);
    expect(parsed.data).toHaveLength(6);
  });

  it("keeps every field of every item: named columns plus the rest as JSON", () => {
    const items = sampleExportContent.vaults.flatMap((vault) =>
      vault.items.map((item) => ({ vault: vault.name, ...item.plaintext })),
    );
    for (const [index, row] of rows().data.entries()) {
      const item = items[index]!;
      expect(row.vault).toBe(item.vault);
      expect(row.type).toBe(item.type);
      expect(row.title).toBe(item.title);
      expect(row.notes).toBe(item.notes);
      expect(row.urls).toBe(item.urls.join("\n"));
      expect(row.tags).toBe(item.tags.join("\n"));
      const rest: ItemField[] = row.fields ? JSON.parse(row.fields) : [];
      const byName = new Map(rest.map((field) => [field.name, field.value]));
      for (const column of ["username", "password", "totp"] as const) {
        if (row[column]) byName.set(column, row[column]!);
      }
      expect(Object.fromEntries(byName), item.title).toEqual(
        Object.fromEntries(item.fields.map((field) => [field.name, field.value])),
      );
    }
  });

  it("leaves a formula-looking title as text, in quotes, exactly as stored", () => {
    const content = structuredClone(sampleExportContent);
    content.vaults[1]!.items[1]!.plaintext.title = '=HYPERLINK("x")';
    const parsed = Papa.parse<Record<string, string>>(csvExport(content), { header: true });
    expect(parsed.data[4]?.title).toBe('=HYPERLINK("x")');
  });
});

describe(".env of an environment-file item", () => {
  const item = sampleExportContent.vaults[0]!.items[1]!.plaintext;

  it("reads back the exact values, multi-line ones double-quoted", () => {
    const { text, skipped } = envFileText(item);
    expect(skipped).toEqual([]);
    expect(text).toContain('TLS_KEY="-----BEGIN KEY-----\\nabc\\n-----END KEY-----"');
    const parsed = parseDotenv(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries).toEqual(
      item.fields.map((field) => ({ key: field.name, value: field.value })),
    );
  });

  it("leaves out, by name, fields that are not variable names", () => {
    const { text, skipped } = envFileText({
      ...item,
      fields: [...item.fields, { name: "not a name", value: "v", secret: true, kind: "text" }],
    });
    expect(skipped).toEqual(["not a name"]);
    expect(text).not.toContain("not a name");
  });
});
