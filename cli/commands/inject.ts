import fs from "node:fs";
import type { Command } from "commander";
import { writePrivateFile } from "../adapters/private-file";
import { usageError } from "../errors";
import { loadVaults } from "../secrets/load-vaults";
import { parseReference, resolveReference } from "../secrets/reference";

/** `{{ coffer://vault/item/field }}`, spaces inside the braces optional. */
const PLACEHOLDER = /\{\{\s*(coffer:\/\/[^\s}]+)\s*\}\}/g;

export function registerInject(program: Command) {
  program
    .command("inject")
    .description("fill {{ coffer://… }} references in a template")
    .option("-i, --in-file <file>", "the template (default: standard input)")
    .option("-o, --out-file <file>", "write here, readable only by you (default: standard output)")
    .action(async (options: { inFile?: string; outFile?: string }, command: Command) => {
      const template = readTemplate(options.inFile);
      const references = [...template.matchAll(PLACEHOLDER)].map((match) =>
        parseReference(match[1] as string),
      );
      const vaults = references.length > 0 ? await loadVaults(command) : [];
      const values = new Map(references.map((ref) => [ref.text, resolveReference(vaults, ref)]));
      const output = template.replace(
        PLACEHOLDER,
        (_match, text: string) => values.get(text.trim()) as string,
      );
      if (options.outFile) writePrivateFile(options.outFile, output);
      else process.stdout.write(output);
    });
}

function readTemplate(file: string | undefined): string {
  try {
    return fs.readFileSync(file ?? 0, "utf8");
  } catch {
    throw usageError(`Cannot read the template ${file ?? "from standard input"}.`);
  }
}
