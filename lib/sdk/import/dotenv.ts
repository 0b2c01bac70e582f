import { parseDotenv } from "../dotenv";
import { buildItem, decodeText, importedItem, ImportWarnings, peekText } from "./mapping";
import { ImportError, type ImportFile, type ImportParser, type ImportResult } from "./types";

/**
 * A `.env` file becomes ONE environment-file item titled by the file name, one secret field
 * per variable (the same shape the editor's "Paste .env" makes). Parsing is lib/sdk/dotenv.ts,
 * shared with the editor and `coffer run --env-file`, so the three read a file alike: `#`
 * only starts a comment at a line's start or after whitespace, quoted values keep theirs.
 */
const ENV_NAME = /(^|[/\\])\.env(\.[^/\\]+)?$|\.env$/i;
const ASSIGNMENT = /^(export\s+)?[A-Za-z_][A-Za-z0-9_.-]*\s*=/;

function baseName(name: string): string {
  return name.split(/[/\\]/).at(-1) || ".env";
}

function firstMeaningfulLine(text: string): string | undefined {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line !== "" && !line.startsWith("#"));
}

async function parse(file: ImportFile): Promise<ImportResult> {
  const text = decodeText(file.bytes, "This .env file");
  const { entries, errors, duplicates } = parseDotenv(text);
  if (entries.length === 0) {
    throw new ImportError(
      "wrong_format",
      errors.length
        ? `This is not a .env file: line ${errors[0]?.line} is not KEY=value.`
        : "This .env file holds no variables.",
    );
  }
  const warnings = new ImportWarnings();
  const title = baseName(file.name);
  const plaintext = buildItem(
    {
      type: "env_file",
      title,
      fields: entries.map((entry) => ({
        name: entry.key,
        value: entry.value,
        secret: true,
        kind: /[\r\n]/.test(entry.value) ? "multiline" : "text",
        keepEmpty: true,
      })),
    },
    warnings,
  );
  for (const key of duplicates) {
    warnings.add(
      "duplicate_field_name",
      `"${plaintext.title}" sets ${key} more than once; the last value is kept, as programs reading the file would.`,
      plaintext.title,
    );
  }
  for (const error of errors) {
    warnings.add(
      "unreadable_record",
      // The parser's message can quote the line, which may hold a secret: only its number here.
      `"${plaintext.title}": line ${error.line} is not KEY=value and was left out.`,
      plaintext.title,
    );
  }
  return {
    format: "dotenv",
    items: [importedItem(plaintext, { sourceType: ".env file" }, warnings)],
    folders: [],
    warnings: warnings.list,
  };
}

export const dotenvParser: ImportParser = {
  format: "dotenv",
  label: ".env file",
  detect(file) {
    if (ENV_NAME.test(file.name)) return true;
    const line = firstMeaningfulLine(peekText(file.bytes));
    return line !== undefined && ASSIGNMENT.test(line);
  },
  needsPassword: () => false,
  parse,
};
