import type { Command } from "commander";
import { writePrivateFile } from "../adapters/private-file";
import { commandGroup } from "../command-group";
import { parseDuration } from "../duration";
import { machineClient } from "../machine-credentials";

interface IssueOptions {
  ttl: string;
  out?: string;
}

/** A new token goes to a 0600 file, or to stdout for a pipe; never into a log line. */
function deliver(token: string, options: IssueOptions) {
  if (options.out) writePrivateFile(options.out, `${token}\n`);
  else process.stdout.write(`${token}\n`);
}

export function registerTokenExchange(program: Command) {
  const token = commandGroup(program, "token", "machine tokens");
  token
    .command("exchange")
    .description("trade the bootstrap token in COFFER_TOKEN (or --token-file) for a session token")
    .option(
      "--ttl <duration>",
      "the session token's lifetime (at most the account's maximum)",
      "1h",
    )
    .option("--out <file>", "write the token to this file, readable only by you")
    .action(async (options: IssueOptions, command: Command) => {
      const ttlSeconds = Math.round(parseDuration(options.ttl, "--ttl"));
      const { token: issued } = await machineClient(command).exchangeBootstrap(ttlSeconds);
      deliver(issued, options);
    });
  token
    .command("mint")
    .description("with a minting token, create a one-use bootstrap token for a new machine")
    .option("--ttl <duration>", "how long the bootstrap token may wait to be exchanged", "10m")
    .option("--out <file>", "write the token to this file, readable only by you")
    .action(async (options: IssueOptions, command: Command) => {
      const ttlSeconds = Math.round(parseDuration(options.ttl, "--ttl"));
      const { token: issued } = await machineClient(command).mintBootstrap(ttlSeconds);
      deliver(issued, options);
    });
}
