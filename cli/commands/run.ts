import { createHash } from "node:crypto";
import type { Command } from "commander";
import { parseDuration } from "../duration";
import { EXIT, toCliError, usageError } from "../errors";
import { FORWARDED_SIGNALS, startChild, type RunningChild } from "../run/child-process";
import { maskNeedles } from "../run/secret-masker";
import {
  assembleEnvironment,
  fileVariables,
  selectVaults,
  vaultVariables,
  type AssembledEnvironment,
} from "../secrets/environment";
import { loadVaults } from "../secrets/load-vaults";
import { selectionOf, withSecretOptions, type SecretOptions } from "./secret-options";

interface RunOptions extends SecretOptions {
  masking: boolean;
  override?: boolean;
  watch?: boolean;
  watchInterval: string;
  grace: string;
}

const warn = (message: string) => process.stderr.write(`coffer: warning: ${message}\n`);

export function registerRun(program: Command) {
  withSecretOptions(
    program
      .command("run")
      .description(
        "run a program with the vaults' variables and resolved references in its environment",
      )
      .argument("<command...>", "the program and its arguments, after --"),
  )
    .option("--no-masking", "print secret values in the program's output as they are")
    .option(
      "--override",
      "let vault and file values replace variables already set (never PATH, HOME…)",
    )
    .option(
      "--watch",
      "restart the program when a value it uses changes (each check is one token use)",
    )
    .option("--watch-interval <duration>", "how often --watch checks", "60s")
    .option("--grace <duration>", "how long a restart waits after SIGTERM before SIGKILL", "10s")
    .action(async (argv: string[], options: RunOptions, command: Command) => {
      process.exitCode = await run(argv, options, command);
    });
}

async function assemble(options: RunOptions, command: Command): Promise<AssembledEnvironment> {
  const vaults = await loadVaults(command);
  return assembleEnvironment(vaults, {
    vault: vaultVariables(selectVaults(vaults, selectionOf(options)), warn),
    file: fileVariables(options.envFile),
    process: process.env,
    override: options.override ?? false,
  });
}

/** What --watch compares: the values Coffer supplies, hashed so no copy of them is kept. */
function fingerprint(assembled: AssembledEnvironment): string {
  const hash = createHash("sha256");
  for (const name of [...assembled.cofferNames].sort()) {
    hash.update(`${name}\u0000${assembled.env[name]}\u0000`);
  }
  return hash.digest("hex");
}

async function run(argv: string[], options: RunOptions, command: Command): Promise<number> {
  const [program, ...args] = argv;
  if (!program) throw usageError("Name the program to run: coffer run -- <command> [args…]");
  const watchMs = parseDuration(options.watchInterval, "--watch-interval") * 1000;
  const graceMs = parseDuration(options.grace, "--grace") * 1000;
  if (options.watch && watchMs < 1000) throw usageError("--watch-interval must be at least 1s.");

  let assembled = await assemble(options, command);
  let current: RunningChild;
  const start = () =>
    startChild(
      program,
      args,
      assembled.env,
      options.masking ? maskNeedles(assembled.secretValues) : null,
      (message) => process.stderr.write(`coffer: ${message}\n`),
    );
  current = start();
  const forward = (signal: NodeJS.Signals) => () => {
    current.process.kill(signal);
  };
  const handlers = FORWARDED_SIGNALS.map((signal) => {
    const handler = forward(signal);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  try {
    if (!options.watch) return await current.exited;
    let known = fingerprint(assembled);
    for (;;) {
      const outcome = await Promise.race([
        current.exited.then((code) => ({ code })),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), watchMs).unref()),
      ]);
      if (outcome) return outcome.code;
      let next: AssembledEnvironment;
      try {
        next = await assemble(options, command);
      } catch (error) {
        const cliError = toCliError(error);
        if (cliError.exitCode === EXIT.tokenEnded) {
          warn(`stopped watching: ${cliError.message}`);
          return await current.exited;
        }
        warn(`could not check for changes: ${cliError.message}`);
        continue;
      }
      const seen = fingerprint(next);
      if (seen === known) continue;
      process.stderr.write("coffer: secrets changed; restarting the program\n");
      known = seen;
      assembled = next;
      await current.stop(graceMs);
      current = start();
    }
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
}
