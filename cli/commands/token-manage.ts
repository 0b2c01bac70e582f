import type { Command } from "commander";
import { routes } from "@/lib/api/routes";
import { MACHINE_TOKEN_KINDS, type MachineTokenKind } from "@/lib/crypto";
import { call } from "@/lib/sdk/call";
import { buildMachineToken } from "@/lib/sdk/service-accounts";
import { writePrivateFile } from "../adapters/private-file";
import { commandGroup } from "../command-group";
import { confirmOnTerminal } from "../confirm";
import { parseDuration } from "../duration";
import { usageError } from "../errors";
import { openPersonSession } from "../person-vaults";
import {
  findServiceAccount,
  serviceAccountDetail,
  signedInHttp,
  withSaKey,
} from "../service-account-access";

interface CreateOptions {
  kind: string;
  name: string;
  expires: string;
  uses?: string;
  cidr: string[];
  readOnly?: boolean;
  out?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function parseUses(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw usageError("--uses must be a whole number of at least 1.");
  }
  return Number(text);
}

function parseKind(text: string): MachineTokenKind {
  if (!MACHINE_TOKEN_KINDS.includes(text as MachineTokenKind)) {
    throw usageError("--kind must be sa, bt or mt.");
  }
  return text as MachineTokenKind;
}

/** Checked here so a typo is bad usage before anything is unlocked or sent. */
function parseCidrs(cidrs: string[]): string[] {
  for (const cidr of cidrs) {
    if (!/^[0-9a-fA-F:.]+\/\d{1,3}$/.test(cidr)) {
      throw usageError(`--cidr ${cidr} must be an address range such as 203.0.113.0/24.`);
    }
  }
  return cidrs;
}

export function registerTokenManage(program: Command) {
  const token = commandGroup(program, "token", "machine tokens");

  token
    .command("list")
    .description("list a service account's tokens: expiry, uses left, last use")
    .argument("<sa>", "the service account's name or id")
    .option("--json", "print the list as JSON")
    .action(async (nameOrId: string, options: { json?: boolean }) => {
      const http = signedInHttp();
      const { id } = await findServiceAccount(http, nameOrId);
      const { tokens } = await call(http, routes.listMachineTokens, { params: { id } });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(tokens)}\n`);
        return;
      }
      for (const entry of tokens) {
        const uses = entry.maxUses === null ? "unlimited uses" : `${entry.usesLeft} uses left`;
        const lastUse = entry.lastUsedAt
          ? `last used ${entry.lastUsedAt} from ${entry.lastUsedAddress ?? "?"}`
          : "never used";
        const name = entry.name ? ` ${entry.name}` : "";
        process.stdout.write(
          `${entry.id}  ${entry.kind}${name}  ${entry.status}, expires ${entry.expiresAt}, ${uses}, ${lastUse}\n`,
        );
      }
    });

  token
    .command("create")
    .description("create a token of a service account; it is printed once (or written to --out)")
    .argument("<sa>", "the service account's name or id")
    .option(
      "--kind <kind>",
      "sa (reads), mt (mints bootstrap tokens) or bt (one-use bootstrap)",
      "sa",
    )
    .option("--name <name>", "a label for the token", "")
    .option("--expires <duration>", "how long the token lives", "1h")
    .option("--uses <n>", "how many times it may be used (default: unlimited)")
    .option("--cidr <range>", "accept it only from this address range (repeatable)", collect, [])
    .option("--read-only", "it may only read, even where the account may write")
    .option("--out <file>", "write the token to this file, readable only by you")
    .action(async (nameOrId: string, options: CreateOptions) => {
      const kind = parseKind(options.kind);
      const ttlSeconds = Math.round(parseDuration(options.expires, "--expires"));
      const maxUses = parseUses(options.uses);
      const allowedCidrs = parseCidrs(options.cidr);
      const { account, http } = await openPersonSession();
      const detail = await serviceAccountDetail(http, nameOrId);
      const issued = await withSaKey(account, detail, async (saKey) => {
        const { token: text, request } = buildMachineToken({
          saKey,
          kind,
          name: options.name,
          ttlSeconds,
          maxUses,
          allowedCidrs,
          readOnly: options.readOnly ?? false,
        });
        await call(http, routes.createMachineToken, {
          params: { id: detail.serviceAccount.id },
          body: request,
        });
        return { text, id: request.id };
      });
      // The token text goes to a 0600 file or stdout, once; its id alone goes to stderr.
      if (options.out) {
        writePrivateFile(options.out, `${issued.text}\n`);
        process.stderr.write(`Token ${issued.id} written to ${options.out}.\n`);
      } else {
        process.stdout.write(`${issued.text}\n`);
      }
    });

  token
    .command("revoke")
    .description("revoke a token: its next use is refused")
    .argument("<sa>", "the service account's name or id")
    .argument("<tokenId>", "the token's id (from coffer token list)")
    .option("--yes", "do not ask for confirmation")
    .action(async (nameOrId: string, tokenId: string, options: { yes?: boolean }) => {
      if (!options.yes) await confirmOnTerminal(`Revoke token ${tokenId}?`, "--yes");
      const http = signedInHttp();
      const { id, name } = await findServiceAccount(http, nameOrId);
      await call(http, routes.revokeMachineToken, { params: { id, tokenId } });
      process.stdout.write(`Revoked token ${tokenId} of ${name}.\n`);
    });
}
