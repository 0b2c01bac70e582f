import { readFileSync } from "node:fs";
import path from "node:path";
import type { ImportFile, ImportResult } from "@/lib/sdk/import";

const root = path.resolve(__dirname, "../../fixtures/import");

/** A sample file under test/fixtures/import/<format>/ as the browser or the CLI hands it over. */
export function importFixture(format: string, name: string): ImportFile {
  return { name, bytes: new Uint8Array(readFileSync(path.join(root, format, name))) };
}

export function textImportFile(name: string, text: string): ImportFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

export function itemTitled(result: ImportResult, title: string) {
  const item = result.items.find((entry) => entry.plaintext.title === title);
  if (!item) throw new Error(`no imported item is titled ${title}`);
  return item;
}

/** Field name → value, for compact assertions. */
export function fieldValues(result: ImportResult, title: string): Record<string, string> {
  return Object.fromEntries(
    itemTitled(result, title).plaintext.fields.map((field) => [field.name, field.value]),
  );
}

export function secretFieldNames(result: ImportResult, title: string): string[] {
  return itemTitled(result, title)
    .plaintext.fields.filter((field) => field.secret)
    .map((field) => field.name);
}
