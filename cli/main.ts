import { getSodium } from "@/lib/crypto";
import { printError, toCliError } from "./errors";
import { runProgram } from "./program";

// The `coffer` entry point: libsodium is initialised once, then the command runs; any failure
// becomes one line on stderr and a documented exit code (cli/errors.ts).
async function main() {
  try {
    await getSodium();
    process.exitCode = await runProgram(process.argv);
  } catch (error) {
    if (process.env.COFFER_DEBUG === "1") console.error(error);
    const cliError = toCliError(error);
    printError(cliError);
    process.exitCode = cliError.exitCode;
  }
}

void main();
