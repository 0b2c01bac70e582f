import { csvHeader, headerIs, readCsv, type CsvRow } from "./csv";
import { collectFolders, ImportWarnings } from "./mapping";
import {
  ImportError,
  type ImportedItem,
  type ImportFormat,
  type ImportParser,
  type ImportResult,
} from "./types";

/**
 * A parser for a CSV format recognised by its exact header: every column set the tool has
 * written over the years is listed, so a Chrome file is never taken for a Safari one. Each row
 * becomes at most one item; folders are every path the items sit in (CSV has no empty ones).
 */
export function csvParser(spec: {
  format: ImportFormat;
  label: string;
  /** Every exact column set (any order, any case) this tool writes. */
  headers: readonly (readonly string[])[];
  /** Columns a file must have to be read when the format is chosen by hand. */
  required: readonly string[];
  /** For a tool with several files of different columns: whether this header is one of them. */
  accepts?: (header: string[]) => boolean;
  row(row: CsvRow, warnings: ImportWarnings, header: string[]): ImportedItem | null;
}): ImportParser {
  return {
    format: spec.format,
    label: spec.label,
    detect(file) {
      const header = csvHeader(file.bytes);
      return spec.headers.some((columns) => headerIs(header, columns));
    },
    needsPassword: () => false,
    async parse(file): Promise<ImportResult> {
      const { header, rows } = readCsv(file.bytes, spec.label, spec.required);
      if (spec.accepts && !spec.accepts(header)) {
        throw new ImportError("wrong_format", `This is not a ${spec.label} file.`);
      }
      const warnings = new ImportWarnings();
      const items: ImportedItem[] = [];
      for (const row of rows) {
        const item = spec.row(row, warnings, header);
        if (item) items.push(item);
      }
      return {
        format: spec.format,
        items,
        folders: collectFolders(items.map((item) => item.folder).filter((path) => path.length > 0)),
        warnings: warnings.list,
      };
    },
  };
}
