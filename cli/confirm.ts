import readline from "node:readline/promises";
import { CliError, EXIT, usageError } from "./errors";

/**
 * Asks a yes/no question on the terminal. Without a terminal there is nobody to ask: the
 * caller's `--yes` (or the equivalent option named in `flag`) must say it instead.
 */
export async function confirmOnTerminal(question: string, flag: string): Promise<void> {
  if (!process.stdin.isTTY) {
    throw usageError(`stdin is not a terminal: pass ${flag} to go ahead without a prompt.`);
  }
  const prompt = readline.createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`${question} [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) throw new CliError(EXIT.failure, "Cancelled.");
  } finally {
    prompt.close();
  }
}
