import { Option, type Command } from "commander";
import { ENV_FORMATS, formatVariables, type EnvFormat } from "../secrets/formats";
import {
  assembleEnvironment,
  fileVariables,
  selectVaults,
  vaultVariables,
} from "../secrets/environment";
import { loadVaults } from "../secrets/load-vaults";
import { selectionOf, withSecretOptions, type SecretOptions } from "./secret-options";

interface EnvOptions extends SecretOptions {
  format: EnvFormat;
  name: string;
  namespace?: string;
}

export function registerEnv(program: Command) {
  withSecretOptions(
    program
      .command("env")
      .description("print the variables `coffer run` would add, in a chosen format"),
  )
    .addOption(
      new Option("--format <format>", "output format").choices(ENV_FORMATS).default("dotenv"),
    )
    .option("--name <name>", "the Kubernetes Secret's name (--format k8s)", "coffer-secrets")
    .option("--namespace <namespace>", "the Kubernetes Secret's namespace (--format k8s)")
    .action(async (options: EnvOptions, command: Command) => {
      const vaults = await loadVaults(command);
      // Only what Coffer adds: the process environment is not part of the output.
      const { env } = assembleEnvironment(vaults, {
        vault: vaultVariables(selectVaults(vaults, selectionOf(options)), (message) =>
          process.stderr.write(`coffer: warning: ${message}\n`),
        ),
        file: fileVariables(options.envFile),
        process: {},
        override: false,
      });
      const output = formatVariables(Object.entries(env), options.format, {
        name: options.name,
        ...(options.namespace ? { namespace: options.namespace } : {}),
      });
      process.stdout.write(output ? `${output}\n` : "");
    });
}
