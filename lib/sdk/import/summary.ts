import type { ItemType } from "@/lib/crypto";
import type { ImportResult, ImportSummary } from "./types";

/**
 * Counts for the preview and `coffer import --dry-run --json`: every record the file holds
 * (archived and trashed ones too, which carry warnings), and folders apart from items.
 */
export function summarizeImport(result: ImportResult): ImportSummary {
  const byType: Partial<Record<ItemType, number>> = {};
  let withTotp = 0;
  for (const { plaintext } of result.items) {
    byType[plaintext.type] = (byType[plaintext.type] ?? 0) + 1;
    if (plaintext.fields.some((field) => field.kind === "totp" && field.value !== "")) {
      withTotp += 1;
    }
  }
  return {
    format: result.format,
    items: result.items.length,
    byType,
    withTotp,
    folders: result.folders.length,
    warnings: result.warnings,
  };
}
