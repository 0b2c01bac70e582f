import type { Command } from "commander";
import { routes } from "@/lib/api/routes";
import { call } from "@/lib/sdk/call";
import { SdkError } from "@/lib/sdk/http-port";
import { CliError, EXIT } from "../errors";
import { personHttpPort, removePersonSession, requirePersonSession } from "../person-session";

/** Ends the session on the server, then forgets it here, the file going either way. */
export function registerLogout(program: Command) {
  program
    .command("logout")
    .description("end this terminal's session and delete its session file")
    .action(async () => {
      const session = requirePersonSession();
      let ended = true;
      try {
        await call(personHttpPort(session), routes.revokeSession, {
          params: { id: session.sessionId },
        });
      } catch (error) {
        // Already over on the server (signed out elsewhere, expired): nothing left to end.
        if (!(error instanceof CliError && error.exitCode === EXIT.sessionEnded)) {
          if (!(error instanceof SdkError && error.code === "network")) throw error;
          ended = false;
        }
      }
      removePersonSession();
      if (!ended) {
        throw new CliError(
          EXIT.network,
          "Removed the session file, but the server could not be reached to end the session: end it under Settings → Sessions.",
        );
      }
      process.stdout.write(`Signed out of ${session.url}.\n`);
    });
}
