/**
 * A small .env parser, shared by the editor's "Paste .env" box and `coffer run --env-file`:
 * `KEY=value`, `export KEY=value`, single, double and backtick quotes (double quotes understand
 * \n, \r, \t, \" and \\ and may span lines), `#` comments on their own line or after an
 * unquoted value. Later duplicates win, as with dotenv, and are listed in `duplicates` so an
 * import can say which earlier values it overwrote. Lines it cannot read are reported rather
 * than silently dropped.
 */
export type DotenvEntry = { key: string; value: string };
export type DotenvResult = {
  entries: DotenvEntry[];
  errors: { line: number; message: string }[];
  /** Keys set more than once, each listed once, in the order their repeat was met. */
  duplicates: string[];
};

const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const ESCAPES: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };

export function parseDotenv(text: string): DotenvResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const values = new Map<string, string>();
  const errors: DotenvResult["errors"] = [];
  const duplicates: string[] = [];
  const set = (key: string, value: string) => {
    if (values.has(key) && !duplicates.includes(key)) duplicates.push(key);
    values.delete(key);
    values.set(key, value);
  };
  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1;
    const line = (lines[index] ?? "").trim();
    if (line === "" || line.startsWith("#")) continue;
    const withoutExport = line.replace(/^export\s+/, "");
    const equals = withoutExport.indexOf("=");
    if (equals === -1) {
      errors.push({ line: lineNumber, message: "expected KEY=value" });
      continue;
    }
    const key = withoutExport.slice(0, equals).trim();
    if (!KEY_PATTERN.test(key)) {
      errors.push({ line: lineNumber, message: `"${key}" is not a valid variable name` });
      continue;
    }
    let rest = withoutExport.slice(equals + 1).trimStart();
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === "`") {
      // A quoted value may continue over the following lines until its closing quote.
      const start = index;
      let body = rest.slice(1);
      let close = findClosingQuote(body, quote);
      while (close === -1 && index + 1 < lines.length) {
        index++;
        body += `\n${lines[index] ?? ""}`;
        close = findClosingQuote(body, quote);
      }
      if (close === -1) {
        // Read on after the broken line: one stray quote must not take every later variable.
        index = start;
        errors.push({ line: lineNumber, message: `unterminated ${quote} quote` });
        continue;
      }
      const raw = body.slice(0, close);
      set(key, quote === '"' ? unescapeDouble(raw) : raw);
      continue;
    }
    const comment = rest.search(/\s#/);
    if (comment !== -1) rest = rest.slice(0, comment);
    set(key, rest.trim());
  }
  return { entries: [...values].map(([key, value]) => ({ key, value })), errors, duplicates };
}

function findClosingQuote(body: string, quote: string): number {
  for (let position = 0; position < body.length; position++) {
    const char = body[position];
    if (quote === '"' && char === "\\") {
      position++;
      continue;
    }
    if (char === quote) return position;
  }
  return -1;
}

function unescapeDouble(raw: string): string {
  return raw.replace(/\\(.)/g, (match, char: string) => ESCAPES[char] ?? match);
}

/** The other direction, for copying a whole environment file back out. */
export function formatDotenv(entries: DotenvEntry[]): string {
  return entries
    .map(({ key, value }) =>
      /^[A-Za-z0-9_./:@+-]*$/.test(value)
        ? `${key}=${value}`
        : `${key}="${value
            .replace(/\\/g, "\\\\")
            .replace(/"/g, '\\"')
            .replace(/\n/g, "\\n")
            // Written raw, a carriage return would be read back as part of a line break.
            .replace(/\r/g, "\\r")}"`,
    )
    .join("\n");
}
