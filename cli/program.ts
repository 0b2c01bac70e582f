import { Command, CommanderError } from "commander";
import { commandRegistrations } from "./commands";
import { EXIT } from "./errors";
import { versionLine } from "./version";

/**
 * The whole command tree. Options every command shares live here; each command adds itself
 * from its own file through ./commands/index.ts.
 */
export function createProgram(): Command {
  const program = new Command("coffer")
    .description("Coffer on the command line: end-to-end encrypted secrets for people and machines")
    .version(versionLine(), "-V, --version", "print the CLI and protocol versions")
    .option("--url <url>", "the Coffer server (default: $COFFER_URL)")
    .option("--token-file <file>", "read the machine token from this file (default: $COFFER_TOKEN)")
    .exitOverride()
    .configureOutput({
      // Commander's own messages already start with "error:"; keep them to one line.
      outputError: (message, write) => write(`coffer: ${message.replace(/^error:\s*/, "")}`),
    });
  for (const register of commandRegistrations) register(program);
  return program;
}

/** Parses argv and runs the command; resolves to the exit code. */
export async function runProgram(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
}
