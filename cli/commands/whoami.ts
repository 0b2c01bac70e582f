import type { Command } from "commander";
import { routes } from "@/lib/api/routes";
import { call } from "@/lib/sdk/call";
import { personHttpPort, requirePersonSession } from "../person-session";

export function registerWhoami(program: Command) {
  program
    .command("whoami")
    .description("show who this terminal is signed in as")
    .option("--json", "print the account as JSON")
    .action(async (options: { json?: boolean }) => {
      const session = requirePersonSession();
      const account = await call(personHttpPort(session), routes.account);
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ url: session.url, ...account })}\n`);
        return;
      }
      process.stdout.write(
        `${account.email} (${account.name}, ${account.role} of ${account.organizationName}) on ${session.url}\n`,
      );
    });
}
