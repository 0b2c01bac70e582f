import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import {
  IMPORT_FORMATS,
  ImportError,
  detectImportFormat,
  importParser,
  parseImport,
  summarizeImport,
  type ImportFile,
  type ImportFormat,
  type ImportResult,
} from "@/lib/sdk/import";
import { commitImport, type CommitImportResult } from "@/lib/sdk/import/commit";
import { planImport, type ImportPlanOptions } from "@/lib/sdk/import/plan";
import type { VaultSession } from "@/lib/sdk/vaults";
import { CliError, EXIT, usageError } from "../errors";
import { readHiddenLine } from "../hidden-prompt";
import { openAllVaults, openPersonSession } from "../person-vaults";

type ImportOptions = {
  format?: string;
  vault?: string;
  passwordFile?: string;
  dryRun?: boolean;
  json?: boolean;
};

function formatOf(value: string): ImportFormat {
  const format = IMPORT_FORMATS.find((candidate) => candidate === value);
  if (!format) throw usageError(`--format must be one of ${IMPORT_FORMATS.join(", ")}.`);
  return format;
}

function readFile(file: string): ImportFile {
  try {
    return { name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) };
  } catch {
    throw usageError(`Cannot read ${file}.`);
  }
}

/** The file's password from --password-file (last line break dropped) or the terminal, never argv. */
async function passwordOf(file: ImportFile, options: ImportOptions): Promise<string> {
  if (options.passwordFile !== undefined) {
    try {
      return fs.readFileSync(options.passwordFile, "utf8").replace(/\r?\n$/, "");
    } catch {
      throw usageError(`Cannot read the password file ${options.passwordFile}.`);
    }
  }
  return readHiddenLine(`Password of ${file.name}: `, "--password-file");
}

/** An ImportError as the exit code a script can branch on (docs/cli.md). */
function importRefusal(error: ImportError): CliError {
  if (error.code === "wrong_password" || error.code === "password_required") {
    return new CliError(EXIT.wrongPassword, error.message);
  }
  return new CliError(EXIT.unreadableImport, error.message);
}

async function parse(file: ImportFile, options: ImportOptions): Promise<ImportResult> {
  try {
    const format = options.format ? formatOf(options.format) : detectImportFormat(file);
    const needsPassword = format !== null && importParser(format).needsPassword(file);
    const password = needsPassword ? await passwordOf(file, options) : undefined;
    return await parseImport(file, { ...(format ? { format } : {}), password });
  } catch (error) {
    throw error instanceof ImportError ? importRefusal(error) : error;
  }
}

function printSummary(result: ImportResult, json: boolean) {
  const summary = summarizeImport(result);
  if (json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const types = Object.entries(summary.byType)
    .map(([type, count]) => `${count} ${type}`)
    .join(", ");
  process.stdout.write(
    `${summary.format}: ${summary.items} items${types ? ` (${types})` : ""}, ` +
      `${summary.withTotp} with TOTP, ${summary.folders} folders, ` +
      `${summary.warnings.length} warnings\n`,
  );
  for (const warning of summary.warnings) process.stdout.write(`  ${warning.message}\n`);
}

/**
 * --vault names an existing vault (by id, or by name among those that open here) or, when none
 * matches, the new vault to make; without it, a new vault per folder, root items in one named
 * after the file.
 */
async function planOptions(
  session: VaultSession,
  file: string,
  vault: string | undefined,
): Promise<{ options: ImportPlanOptions; said: string | null }> {
  const rootName = path.basename(file).replace(/\.[^.]+$/, "") || "Imported";
  if (vault === undefined) return { options: { mode: "per-folder", rootName }, said: null };
  const opened = await openAllVaults(session);
  const matches = opened.filter(
    (candidate) => candidate.summary.id === vault || (candidate.key && candidate.name === vault),
  );
  if (matches.length > 1) {
    throw usageError(`Several vaults are named ${vault}: use the vault's id.`);
  }
  const existing = matches[0];
  if (existing) {
    return {
      options: { mode: "one-vault", vaultId: existing.summary.id },
      said: `Importing into the existing vault ${existing.name}.`,
    };
  }
  return {
    options: { mode: "one-vault", vaultName: vault },
    said: `Importing into a new vault ${vault}.`,
  };
}

function printOutcome(outcome: CommitImportResult) {
  for (const failure of outcome.failures) {
    process.stderr.write(
      `Not imported into ${failure.vaultName}: ${failure.items} items. ${failure.message}\n`,
    );
  }
  const vaults = outcome.vaults
    .map((vault) => `${vault.name} (${vault.created ? "new" : "existing"}, ${vault.committed})`)
    .join(", ");
  const state = outcome.cancelled ? "Cancelled after importing" : "Imported";
  process.stderr.write(
    `${state} ${outcome.committed} items into ${outcome.vaults.length} vaults${vaults ? `: ${vaults}` : ""}.\n`,
  );
}

export function registerImport(program: Command) {
  program
    .command("import <file>")
    .description("import a password manager's export into new or existing vaults")
    .option(
      "--format <format>",
      `the file's format (default: detected): ${IMPORT_FORMATS.join(", ")}`,
    )
    .option(
      "--vault <vault>",
      "one vault for everything: an existing one (name or id) or a new one",
    )
    .option("--password-file <file>", "read the password of an encrypted export from this file")
    .option(
      "--dry-run",
      "only read the file and say what it holds; needs no server, writes nothing",
    )
    .option("--json", "with --dry-run: print the summary as one JSON object")
    .action(async (file: string, options: ImportOptions) => {
      if (options.json && !options.dryRun) throw usageError("--json goes with --dry-run.");
      const result = await parse(readFile(file), options);
      if (options.dryRun) {
        printSummary(result, options.json === true);
        return;
      }
      const { session } = await openPersonSession();
      const { options: planned, said } = await planOptions(session, file, options.vault);
      if (said) process.stderr.write(`${said}\n`);
      for (const warning of result.warnings) process.stderr.write(`Warning: ${warning.message}\n`);
      const controller = new AbortController();
      // Ctrl-C stops between batches: what is committed stays, and the summary says so.
      const onInterrupt = () => controller.abort();
      process.once("SIGINT", onInterrupt);
      const showProgress = process.stderr.isTTY;
      let outcome: CommitImportResult;
      try {
        outcome = await commitImport(session, planImport(result, planned), {
          signal: controller.signal,
          onProgress: ({ committed, total, vaultName }) => {
            if (showProgress) {
              process.stderr.write(`\r\u001b[2KImporting ${committed}/${total} into ${vaultName}`);
            }
          },
        });
      } finally {
        process.off("SIGINT", onInterrupt);
        if (showProgress) process.stderr.write("\r\u001b[2K");
      }
      printOutcome(outcome);
      if (outcome.failures.length || outcome.cancelled) process.exitCode = EXIT.failure;
    });
}
