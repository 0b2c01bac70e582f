import { Command, CommanderError } from "commander";
import { commandModules, loadRegistrations, type Registration } from "./commands";
import { EXIT } from "./errors";
import { versionLine } from "./version";

// The root options that take a value: the word after one is not a command name.
const ROOT_OPTIONS_WITH_VALUE = new Set(["--url", "--token-file"]);

/**
 * The command the arguments name: the first word that is neither a root option nor its value
 * (`coffer --url https://… read …` names `read`). Null when there is none (`coffer --help`).
 */
export function namedCommand(args: readonly string[]): string | null {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === "--") return null;
    if (ROOT_OPTIONS_WITH_VALUE.has(arg)) index++;
    else if (!arg.startsWith("-")) return arg;
  }
  return null;
}

/**
 * The command tree for these arguments. Options every command shares live here; each command
 * adds itself from its own file through ./commands/index.ts. Only the named command's modules
 * are loaded (decision 0036); the help, a mistyped name and `--version` alone get all or none.
 */
export async function createProgram(args: readonly string[]): Promise<Command> {
  const program = new Command("coffer")
    .description("Coffer on the command line: end-to-end encrypted secrets for people and machines")
    .version(versionLine(), "-V, --version", "print the CLI and protocol versions")
    .option("--url <url>", "the Coffer server (default: $COFFER_URL)")
    .option("--token-file <file>", "read the machine token from this file (default: $COFFER_TOKEN)")
    .exitOverride()
    .configureOutput({
      // Commander's own messages already start with "error:"; keep them to one line.
      outputError: (message, write) =>
        write(`coffer: ${withIdHint(message.replace(/^error:\s*/, ""))}`),
    });
  for (const register of await registrationsFor(args)) register(program);
  return program;
}

// Ids are base64url, so one in 64 begins with "-" and commander takes it for a short option.
// A single dash and then ten or more characters: no short option, and no mistyped long one.
const UNKNOWN_ID_LIKE_OPTION = /^unknown option '-[A-Za-z0-9_][A-Za-z0-9_-]{9,}'/;

/** Commander's message, with a pointer to `--` when the "option" it rejects looks like an id. */
export function withIdHint(message: string): string {
  if (!UNKNOWN_ID_LIKE_OPTION.test(message)) return message;
  return message.replace(
    /\n?$/,
    ' (an id that begins with "-" goes after "--", behind every option)\n',
  );
}

async function registrationsFor(args: readonly string[]): Promise<Registration[]> {
  const name = namedCommand(args);
  if (name !== null && commandModules.some((entry) => entry.name === name)) {
    const registrations = await loadRegistrations(name);
    // Every command that runs works with keys; libsodium is initialised once, before it.
    await (await import("@/lib/crypto/sodium")).getSodium();
    return registrations;
  }
  if (name === null && (args.includes("-V") || args.includes("--version"))) return [];
  return loadRegistrations(null);
}

/** Parses argv and runs the command; resolves to the exit code. */
export async function runProgram(argv: string[]): Promise<number> {
  const program = await createProgram(argv.slice(2));
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
