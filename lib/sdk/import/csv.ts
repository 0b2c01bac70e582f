import Papa from "papaparse";
import { ImportError } from "./types";
import { decodeText, peekText } from "./mapping";

// Every tool we read writes commas. Papaparse would otherwise guess the delimiter from the first
// rows, and a file whose notes are full of semicolons or tabs could be split on the wrong one.
const DELIMITER = ",";

/** One CSV row keyed by its header; a column the row lacks reads as "". */
export type CsvRow = Record<string, string>;

export type CsvTable = { header: string[]; rows: CsvRow[] };

/**
 * The header line of a CSV file, for detect(): the first record, read with the real CSV
 * parser so quoted headers ("name","url") match too. Never throws.
 */
export function csvHeader(bytes: Uint8Array): string[] {
  const text = peekText(bytes);
  const result = Papa.parse<string[]>(text, {
    preview: 1,
    skipEmptyLines: true,
    delimiter: DELIMITER,
  });
  return (result.data[0] ?? []).map((column) => column.trim());
}

/** True when the header holds exactly these columns (any order, any case). */
export function headerIs(header: readonly string[], columns: readonly string[]): boolean {
  if (header.length !== columns.length) return false;
  const wanted = new Set(columns.map((column) => column.toLowerCase()));
  return header.every((column) => wanted.has(column.toLowerCase()));
}

/** True when the header holds at least these columns (any order, any case). */
export function headerHas(header: readonly string[], columns: readonly string[]): boolean {
  const present = new Set(header.map((column) => column.toLowerCase()));
  return columns.every((column) => present.has(column.toLowerCase()));
}

/**
 * The whole file as rows keyed by lower-cased column name. Quoted values keep their commas,
 * quotes and line breaks. A file whose header lacks `required` columns is refused as the wrong
 * format; a row with an unbalanced quote as a damaged file (a truncated export ends that way).
 */
export function readCsv(bytes: Uint8Array, label: string, required: readonly string[]): CsvTable {
  const text = decodeText(bytes, `This ${label} file`);
  const result = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", delimiter: DELIMITER });
  const [headerRow, ...records] = result.data;
  const header = (headerRow ?? []).map((column) => column.trim().toLowerCase());
  if (!headerHas(header, required)) {
    throw new ImportError(
      "wrong_format",
      `This is not a ${label} file: its first line should name the columns ${required.join(", ")}.`,
    );
  }
  const broken = result.errors.find((error) => error.type === "Quotes");
  if (broken) {
    throw new ImportError(
      "malformed",
      `This ${label} file is damaged or cut short near row ${(broken.row ?? 0) + 1}; export it again.`,
    );
  }
  const rows = records.map((record) => {
    const row: CsvRow = {};
    header.forEach((column, index) => {
      row[column] = record[index] ?? "";
    });
    return row;
  });
  return { header, rows };
}
