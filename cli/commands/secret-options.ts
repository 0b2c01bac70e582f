import type { Command } from "commander";
import type { Selection } from "../secrets/environment";

/** The options `run`, `env` and `check` share to choose where variables come from. */
export function withSecretOptions(command: Command): Command {
  return command
    .option(
      "--vault <vault>",
      "use this vault's environment files (name or id; repeatable)",
      collect,
      [],
    )
    .option("--env <environment>", "only vaults with this environment tag (e.g. production)")
    .option(
      "--env-file <file>",
      "also read variables and references from this .env file (repeatable)",
      collect,
      [],
    );
}

export interface SecretOptions {
  vault: string[];
  env?: string;
  envFile: string[];
}

export const selectionOf = (options: SecretOptions): Selection => ({
  vaults: options.vault,
  ...(options.env ? { environment: options.env } : {}),
});

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
