import os from "node:os";
import type { Command } from "commander";
import { formatDeviceCode, toBase64Url } from "@/lib/crypto";
import { startDeviceLogin, unlockDeviceSession, waitForApproval } from "@/lib/sdk/device-login";
import { SdkError } from "@/lib/sdk/http-port";
import { wipeUnlockedAccount } from "@/lib/sdk/unlocked-account";
import { nodeHttpPort } from "../adapters/http";
import { CliError, EXIT, usageError } from "../errors";
import { globalOptions } from "../machine-credentials";
import { personHttpPort, savePersonSession } from "../person-session";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The server's origin from the argument, --url or COFFER_URL. */
function loginUrl(argument: string | undefined, command: Command): string {
  const url = argument ?? globalOptions(command).url ?? process.env.COFFER_URL;
  if (!url) throw usageError("Name the server: coffer login https://coffer.example.com");
  return url;
}

/**
 * `coffer login <url>`: a device authorisation (DESIGN, People on the command line). The code
 * shown is derived from this run's ephemeral public key, so the browser can tell whether the
 * server handed it this key; no password is ever typed here.
 */
export function registerLogin(program: Command) {
  program
    .command("login")
    .description("sign in by approving this terminal in your browser")
    .argument("[url]", "the Coffer server (default: --url or $COFFER_URL)")
    .action(async (argument: string | undefined, _options: unknown, command: Command) => {
      const http = nodeHttpPort(loginUrl(argument, command));
      const origin = new URL(loginUrl(argument, command)).origin;
      const started = await startDeviceLogin(http, os.hostname().slice(0, 100) || "terminal");
      process.stdout.write(
        [
          `Open ${origin}/settings/devices in a browser where you are signed in to Coffer`,
          "and type this code:",
          "",
          `    ${formatDeviceCode(started.code)}`,
          "",
          "Waiting for approval…",
          "",
        ].join("\n"),
      );
      let approved;
      try {
        approved = await waitForApproval(http, started, sleep);
      } catch (error) {
        if (error instanceof SdkError && error.code === "device_login_expired") {
          throw new CliError(
            EXIT.failure,
            "Nobody approved the sign-in in time: run coffer login again.",
          );
        }
        if (error instanceof SdkError && error.code === "device_login_denied") {
          throw new CliError(EXIT.forbidden, "The sign-in was refused in the browser.");
        }
        throw error;
      }
      const session = {
        version: 1 as const,
        url: origin,
        userId: approved.userId,
        email: approved.email,
        sessionId: approved.sessionId,
        sessionToken: approved.sessionToken,
        sessionExpiresAt: approved.sessionExpiresAt,
        devicePublicKey: toBase64Url(started.keyPair.publicKey),
        devicePrivateKey: toBase64Url(started.keyPair.privateKey),
        sealedUserKey: approved.sealedUserKey,
      };
      // Opened once before it is kept: a file that cannot unlock the account is no sign-in.
      wipeUnlockedAccount(
        await unlockDeviceSession(personHttpPort(session), session, started.keyPair),
      );
      savePersonSession(session);
      process.stdout.write(`Signed in to ${origin} as ${approved.email}.\n`);
    });
}
