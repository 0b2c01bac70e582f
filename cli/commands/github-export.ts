import fs from "node:fs";
import type { Command } from "commander";
import { CliError, EXIT, usageError } from "../errors";
import {
  assembleEnvironment,
  fileVariables,
  selectVaults,
  vaultVariables,
} from "../secrets/environment";
import { githubEnvLine } from "../secrets/formats";
import { loadVaults } from "../secrets/load-vaults";
import { selectionOf, withSecretOptions, type SecretOptions } from "./secret-options";

interface ExportOptions extends SecretOptions {
  only: string[];
}

/** A workflow command's data: %, CR and LF are escaped as the runner expects. */
const commandData = (text: string) =>
  text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/**
 * `::add-mask::` lines for a value: the whole value, and every line of a multi-line one, since
 * the runner masks line by line and a value printed over several lines must stay hidden.
 */
export function addMaskLines(value: string): string[] {
  const parts = new Set<string>();
  for (const line of value.split(/\r?\n/)) if (line.trim()) parts.add(line.trim());
  if (!/[\r\n]/.test(value) && value.trim()) parts.add(value);
  return [...parts].map((part) => `::add-mask::${commandData(part)}`);
}

export function registerGithubExport(program: Command) {
  withSecretOptions(
    program
      .command("github-export")
      .description(
        "in a GitHub Actions job: mask the vaults' values, then export them to $GITHUB_ENV",
      ),
  )
    .option(
      "--only <names>",
      "export only these variables (comma-separated; repeatable)",
      collectNames,
      [],
    )
    .action(async (options: ExportOptions, command: Command) => {
      const target = process.env.GITHUB_ENV;
      if (!target) throw usageError("GITHUB_ENV is not set: run this inside a GitHub Actions job.");
      const vaults = await loadVaults(command);
      const { env } = assembleEnvironment(vaults, {
        vault: vaultVariables(selectVaults(vaults, selectionOf(options))),
        file: fileVariables(options.envFile),
        process: {},
        override: false,
      });
      const missing = options.only.filter((name) => !(name in env));
      if (missing.length > 0) {
        throw new CliError(EXIT.notFound, `Not in the chosen vaults: ${missing.join(", ")}.`);
      }
      const chosen = Object.entries(env).filter(
        ([name]) => options.only.length === 0 || options.only.includes(name),
      );
      // DO NOT REORDER: every value is registered as a mask before anything else is printed.
      const masks = chosen.flatMap(([, value]) => addMaskLines(value));
      if (masks.length > 0) process.stdout.write(`${masks.join("\n")}\n`);
      fs.appendFileSync(
        target,
        chosen.map(([name, value]) => `${githubEnvLine(name, value)}\n`).join(""),
      );
      const names = chosen.map(([name]) => name).join(",");
      if (process.env.GITHUB_OUTPUT)
        fs.appendFileSync(process.env.GITHUB_OUTPUT, `names=${names}\n`);
      process.stdout.write(`Exported ${chosen.length} variables: ${names || "none"}\n`);
    });
}

function collectNames(value: string, previous: string[]): string[] {
  return [
    ...previous,
    ...value
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean),
  ];
}
