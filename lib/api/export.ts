import { z } from "zod";
import { clientId } from "./common";

/**
 * What an export produced. `encrypted` is the Coffer file; `json` and `csv` are plain files
 * (step-up first); `env` is one environment-file item downloaded or copied as `.env`.
 */
export const exportKind = z.enum(["encrypted", "json", "csv", "env"]);
export type ExportKind = z.infer<typeof exportKind>;

/**
 * Whole-vault plain files need a fresh key check (decision 0048). One item's `.env` does not:
 * it holds no more than revealing or copying that item's fields, which needs none either.
 */
export const STEP_UP_EXPORT_KINDS: readonly ExportKind[] = ["json", "csv"];

/**
 * Recorded before the client writes the file, so a refusal (no step-up) stops the file from
 * being made. Counts only: the server never sees what was exported.
 */
export const recordExportRequest = z
  .strictObject({
    kind: exportKind,
    vaults: z.number().int().min(0).max(100_000),
    items: z.number().int().min(0).max(10_000_000),
    history: z.boolean().default(false),
    /** The one item an `env` export came from, so the log names it as it names a copy. */
    item: z.strictObject({ vaultId: z.string().min(1).max(64), itemId: clientId }).optional(),
  })
  .refine((body) => (body.kind === "env") === (body.item !== undefined), {
    message: "An env export names its item, and only an env export does.",
    path: ["item"],
  });
export type RecordExportRequest = z.input<typeof recordExportRequest>;

export const recordExportResponse = z.object({ recordedAt: z.string() });
