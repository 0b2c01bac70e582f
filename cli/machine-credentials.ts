import fs from "node:fs";
import type { Command } from "commander";
import { MachineClient } from "@/lib/sdk/machine-client";
import { nodeHttpPort } from "./adapters/http";
import { readableByOthers } from "./adapters/private-file";
import { CliError, EXIT, usageError } from "./errors";

export interface GlobalOptions {
  url?: string;
  tokenFile?: string;
}

/** The root program's shared options, from any command below it. */
export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** --url, else COFFER_URL: machines have no session file to remember a server in. */
export function serverUrl(options: GlobalOptions, env: NodeJS.ProcessEnv = process.env): string {
  const url = options.url ?? env.COFFER_URL;
  if (!url) throw usageError("No server given: pass --url or set COFFER_URL.");
  return url;
}

/**
 * The machine token, from --token-file (which wins) or COFFER_TOKEN. A file others can read is
 * used but warned about, since anyone who reads it holds the service account's access.
 */
export function machineTokenText(
  options: GlobalOptions,
  env: NodeJS.ProcessEnv = process.env,
  stderr: NodeJS.WritableStream = process.stderr,
): string {
  let text: string | undefined;
  if (options.tokenFile) {
    try {
      text = fs.readFileSync(options.tokenFile, "utf8");
    } catch {
      throw usageError(`Cannot read the token file ${options.tokenFile}.`);
    }
    if (readableByOthers(options.tokenFile)) {
      stderr.write(`coffer: warning: ${options.tokenFile} is readable by others; chmod 600 it.\n`);
    }
  } else {
    text = env.COFFER_TOKEN;
  }
  text = text?.trim();
  if (!text) {
    throw new CliError(
      EXIT.notSignedIn,
      "No machine token: set COFFER_TOKEN or pass --token-file.",
    );
  }
  return text;
}

/** A MachineClient for the command's server and token. */
export function machineClient(command: Command): MachineClient {
  const options = globalOptions(command);
  const token = machineTokenText(options);
  const http = nodeHttpPort(serverUrl(options));
  try {
    return new MachineClient(http, token);
  } catch {
    // The parser checks the prefix, length and checksum; say which source held the bad token.
    throw usageError(
      `The token in ${options.tokenFile ?? "COFFER_TOKEN"} is not a valid Coffer token (mistyped or cut?).`,
    );
  }
}
