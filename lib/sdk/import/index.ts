import {
  ImportError,
  type ImportFile,
  type ImportFormat,
  type ImportOptions,
  type ImportParser,
  type ImportResult,
} from "./types";
import { bitwardenCsvParser } from "./bitwarden-csv";
import { bitwardenJsonParser } from "./bitwarden-json";
import { chromeCsvParser } from "./chrome-csv";
import { dashlaneCsvParser } from "./dashlane-csv";
import { dotenvParser } from "./dotenv";
import { firefoxCsvParser } from "./firefox-csv";
import { lastpassCsvParser } from "./lastpass-csv";
import { safariCsvParser } from "./safari-csv";
import { cofferParser } from "./coffer";
import { onePassword1puxParser } from "./1password-1pux";
import { onePasswordCsvParser } from "./1password-csv";
import { kdbxParser } from "./kdbx";
import { keepassXmlParser } from "./keepass-xml";

export * from "./types";
export { summarizeImport } from "./summary";

/**
 * Every parser, in detection order: formats with a distinctive signature (zip, KDBX magic,
 * JSON shapes, a CSV header of their own) come before the generic ones that would also match.
 */
export const IMPORT_PARSERS: readonly ImportParser[] = [
  cofferParser,
  bitwardenJsonParser,
  // A zip holding export.data, the KDBX signature, an XML document rooted at KeePassFile.
  onePassword1puxParser,
  kdbxParser,
  keepassXmlParser,
  // Title plus 1Password's own columns (OTPAuth with Favorite/Archived, UUID with Scope, label(id)).
  onePasswordCsvParser,
  // CSV formats match their exact header sets, so none of these can take another's file.
  bitwardenCsvParser,
  lastpassCsvParser,
  firefoxCsvParser,
  safariCsvParser,
  chromeCsvParser,
  dashlaneCsvParser,
  // Last: a .env file is recognised by its name or a first KEY=value line, the loosest test.
  dotenvParser,
];

export function importParser(format: ImportFormat): ImportParser {
  const parser = IMPORT_PARSERS.find((candidate) => candidate.format === format);
  if (!parser) {
    throw new ImportError("wrong_format", `Coffer cannot read ${format} files yet.`);
  }
  return parser;
}

/** The format a file is in, or null when no parser recognises it. */
export function detectImportFormat(file: ImportFile): ImportFormat | null {
  return IMPORT_PARSERS.find((parser) => parser.detect(file))?.format ?? null;
}

/** Parses with the named format, or the detected one; a file nobody recognises is refused. */
export async function parseImport(
  file: ImportFile,
  options: ImportOptions & { format?: ImportFormat } = {},
): Promise<ImportResult> {
  const format = options.format ?? detectImportFormat(file);
  if (!format) {
    throw new ImportError(
      "wrong_format",
      "This file is not in a format Coffer can import; choose the format by hand.",
    );
  }
  return importParser(format).parse(file, options);
}
