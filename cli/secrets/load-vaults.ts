import type { Command } from "commander";
import { globalOptions, machineClient } from "../machine-credentials";
import { CliError, EXIT } from "../errors";
import type { OpenVault } from "./open-vault";

/**
 * Everything the caller's credentials open, decrypted here. A machine token (COFFER_TOKEN or
 * --token-file) reads with one request, which is one use of the token.
 */
export async function loadVaults(command: Command): Promise<OpenVault[]> {
  const options = globalOptions(command);
  if (!options.tokenFile && !process.env.COFFER_TOKEN) {
    throw new CliError(
      EXIT.notSignedIn,
      "Not signed in: set COFFER_TOKEN or pass --token-file for a machine.",
    );
  }
  const secrets = await machineClient(command).readAll();
  return secrets.vaults;
}
