import { printError, toCliError } from "./errors";
import { runProgram } from "./program";

// The `coffer` entry point: the named command's modules are loaded and libsodium initialised
// (cli/program.ts), then the command runs; any failure becomes one line on stderr and a
// documented exit code (cli/errors.ts).
async function main() {
  try {
    process.exitCode = await runProgram(process.argv);
  } catch (error) {
    if (process.env.COFFER_DEBUG === "1") console.error(error);
    const cliError = toCliError(error);
    printError(cliError);
    process.exitCode = cliError.exitCode;
  }
}

void main();
