import fs from "node:fs";
import type { Command } from "commander";
import { parseDotenv } from "@/lib/sdk/dotenv";
import { EXIT, usageError } from "../errors";
import { selectVaults, vaultVariables } from "../secrets/environment";
import { loadVaults } from "../secrets/load-vaults";
import { isReference } from "../secrets/reference";
import { selectionOf, withSecretOptions, type SecretOptions } from "./secret-options";

interface CheckOptions extends SecretOptions {
  json?: boolean;
}

/** Variables the project expects versus those the vault holds, by name only. */
export function compareVariables(expected: Map<string, string>, provided: Set<string>) {
  const missing = [...expected]
    .filter(([name, value]) => !provided.has(name) && !isReference(value))
    .map(([name]) => name);
  const unused = [...provided].filter((name) => !expected.has(name));
  return { missing: missing.sort(), unused: unused.sort() };
}

export function registerCheck(program: Command) {
  withSecretOptions(
    program
      .command("check")
      .description("compare the variables a project expects with those its vaults hold")
      .argument("[example]", "the file naming the expected variables", ".env.example"),
  )
    .option("--json", "print { missing, unused } as JSON")
    .action(async (example: string, options: CheckOptions, command: Command) => {
      let text: string;
      try {
        text = fs.readFileSync(example, "utf8");
      } catch {
        throw usageError(`Cannot read ${example}.`);
      }
      const expected = new Map(parseDotenv(text).entries.map((entry) => [entry.key, entry.value]));
      const vaults = await loadVaults(command);
      const provided = new Set(vaultVariables(selectVaults(vaults, selectionOf(options))).keys());
      const { missing, unused } = compareVariables(expected, provided);
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ missing, unused }, null, 2)}\n`);
      } else {
        const lines = [
          missing.length > 0
            ? `Missing from the vault (named in ${example}): ${missing.join(", ")}`
            : `Every variable ${example} names is in the vault.`,
          ...(unused.length > 0
            ? [`In the vault but not in ${example}: ${unused.join(", ")}`]
            : []),
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
      }
      if (missing.length > 0) process.exitCode = EXIT.failure;
    });
}
