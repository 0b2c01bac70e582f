import type { Command } from "commander";
import { loadVaults } from "../secrets/load-vaults";
import { parseReference, resolveReference } from "../secrets/reference";

export function registerRead(program: Command) {
  program
    .command("read")
    .description("print the value a coffer:// reference names")
    .argument("<reference>", "coffer://vault/item/field[?env=environment]")
    .option("-n, --no-newline", "do not end the value with a newline")
    .action(async (text: string, options: { newline: boolean }, command: Command) => {
      // Parsed before the request, so a mistyped reference costs no token use.
      const reference = parseReference(text);
      const value = resolveReference(await loadVaults(command), reference);
      process.stdout.write(options.newline ? `${value}\n` : value);
    });
}
