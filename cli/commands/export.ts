import fs from "node:fs";
import type { Command } from "commander";
import {
  buildExport,
  EXPORT_FILE_EXTENSIONS,
  ExportVaultNotFoundError,
  MIN_EXPORT_PASSPHRASE_LENGTH,
  PLAIN_EXPORT_WARNING,
  type WholeExportFormat,
} from "@/lib/sdk/export";
import { SdkError } from "@/lib/sdk/http-port";
import { directKdfRunner } from "@/lib/sdk/kdf-runner";
import { writePrivateFile } from "../adapters/private-file";
import { CliError, EXIT, usageError } from "../errors";
import { readHiddenLine } from "../hidden-prompt";
import { openPersonSession } from "../person-vaults";

type ExportOptions = {
  format: string;
  output?: string;
  passwordFile?: string;
  history?: boolean;
  vault?: string[];
  force?: boolean;
};

const FORMATS: readonly WholeExportFormat[] = ["coffer", "json", "csv"];

const STEP_UP_REFUSED =
  "The server refused a plain export without a recent security-key check: export the encrypted format here, or the plain one from the browser.";

function formatOf(value: string): WholeExportFormat {
  const format = FORMATS.find((candidate) => candidate === value);
  if (!format) throw usageError(`--format must be one of ${FORMATS.join(", ")}.`);
  return format;
}

/** The passphrase from a file (its last line break dropped) or typed twice at the terminal. */
async function passphraseOf(options: ExportOptions): Promise<string> {
  let passphrase: string;
  if (options.passwordFile !== undefined) {
    try {
      passphrase = fs.readFileSync(options.passwordFile, "utf8").replace(/\r?\n$/, "");
    } catch {
      throw usageError(`Cannot read the password file ${options.passwordFile}.`);
    }
  } else {
    passphrase = await readHiddenLine("Passphrase for the export: ", "--password-file");
    const again = await readHiddenLine("The same passphrase again: ", "--password-file");
    if (again !== passphrase) throw usageError("The two passphrases differ; nothing was exported.");
  }
  if (passphrase.length < MIN_EXPORT_PASSPHRASE_LENGTH) {
    throw usageError(`The passphrase must be at least ${MIN_EXPORT_PASSPHRASE_LENGTH} characters.`);
  }
  return passphrase;
}

export function registerExport(program: Command) {
  program
    .command("export")
    .description("export every vault you can read, encrypted unless you ask for a plain file")
    .option("--format <format>", "coffer (encrypted), json or csv (plain)", "coffer")
    .option(
      "--output <file>",
      "where to write it; - for stdout (default: coffer-export-<date>.<ext>)",
    )
    .option("--password-file <file>", "read the passphrase of an encrypted export from this file")
    .option("--history", "include every item's earlier versions (not in csv)")
    .option("--vault <vault...>", "only these vaults (names or ids)")
    .option("--force", "overwrite the output file if it exists")
    .action(async (options: ExportOptions) => {
      const format = formatOf(options.format);
      if (format !== "coffer" && options.passwordFile !== undefined) {
        throw usageError("--password-file is for the encrypted format; plain files have none.");
      }
      const output =
        options.output ??
        `coffer-export-${new Date().toISOString().slice(0, 10)}.${EXPORT_FILE_EXTENSIONS[format]}`;
      // Checked before anything is decrypted, so a refusal costs nothing and reveals nothing.
      if (output !== "-" && fs.existsSync(output) && !options.force) {
        throw usageError(`${output} exists: pass --force to overwrite it.`);
      }
      const passphrase = format === "coffer" ? await passphraseOf(options) : undefined;
      if (format !== "coffer") process.stderr.write(`Warning: ${PLAIN_EXPORT_WARNING}\n`);
      const { session, http } = await openPersonSession();
      let built: Awaited<ReturnType<typeof buildExport>>;
      try {
        built = await buildExport(
          { session, http, kdf: directKdfRunner },
          {
            format,
            passphrase,
            history: options.history === true,
            ...(options.vault ? { vaults: options.vault } : {}),
          },
        );
      } catch (error) {
        if (error instanceof ExportVaultNotFoundError) {
          throw new CliError(EXIT.notFound, error.message);
        }
        if (error instanceof SdkError && error.code === "step_up_required") {
          throw new CliError(EXIT.forbidden, STEP_UP_REFUSED);
        }
        throw error;
      }
      if (output === "-") process.stdout.write(built.text);
      else writePrivateFile(output, built.text);
      for (const omission of built.omitted) {
        process.stderr.write(`Left out of ${omission.vault}: ${omission.message}\n`);
      }
      const where = output === "-" ? "stdout" : output;
      process.stderr.write(
        `Exported ${built.vaultCount} vaults, ${built.itemCount} items to ${where}.\n`,
      );
    });
}
