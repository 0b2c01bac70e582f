import type { Command } from "commander";
import { routes } from "@/lib/api/routes";
import type { ServiceAccountDetailResponse } from "@/lib/api/machine";
import type { MachineScope } from "@/lib/crypto";
import { call } from "@/lib/sdk/call";
import { buildServiceAccount, buildServiceAccountGrant } from "@/lib/sdk/service-accounts";
import {
  accountFingerprint,
  accountTrust,
  pinnedAccountBoxKey,
  pinServiceAccounts,
  type VaultSession,
} from "@/lib/sdk/vaults";
import { commandGroup } from "../command-group";
import { confirmOnTerminal } from "../confirm";
import { parseDuration } from "../duration";
import { CliError, EXIT, usageError } from "../errors";
import { openAllVaults, openPersonSession, pickVault } from "../person-vaults";
import {
  findServiceAccount,
  serviceAccountDetail,
  signedInHttp,
  withSaKey,
} from "../service-account-access";

/** Words or hex groups, as a person copies them: case, spaces, colons and dashes do not count. */
const normalizeFingerprint = (text: string) => text.toLowerCase().replace(/[\s:-]+/g, "");

/**
 * The account's fingerprint must be compared before a vault key is sealed to its box key
 * (DESIGN.md: the server could hand over its own key). A confirmed pin from an earlier
 * comparison stands; otherwise `--fingerprint` must match, or the person confirms on a terminal.
 * A confirmation pins the keys shown, so the grant seals to the pin, not the server's answer.
 */
async function confirmFingerprint(
  session: VaultSession,
  detail: ServiceAccountDetailResponse,
  typed: string | undefined,
): Promise<string> {
  const account = detail.serviceAccount;
  const contacts = await session.contacts.load();
  const trust = accountTrust(contacts, account);
  if (trust === "invalid" || trust === "changed") {
    throw new CliError(
      EXIT.forbidden,
      `The keys of the service account ${account.name} changed or do not verify: compare its fingerprint in the browser.`,
    );
  }
  if (trust !== "confirmed") {
    const fingerprint = accountFingerprint(account)!;
    process.stderr.write(
      `Fingerprint of ${account.name}:\n  ${fingerprint.words.join(" ")}\n  ${fingerprint.hex}\n`,
    );
    if (typed !== undefined) {
      const given = normalizeFingerprint(typed);
      const matches =
        given === normalizeFingerprint(fingerprint.words.join("")) ||
        given === normalizeFingerprint(fingerprint.hex);
      if (!matches) {
        throw new CliError(
          EXIT.forbidden,
          `The fingerprint given does not match the service account ${account.name}: nothing was granted.`,
        );
      }
    } else {
      await confirmOnTerminal(
        "Does this match the fingerprint its creator sees?",
        "--fingerprint <words or hex>",
      );
    }
    await pinServiceAccounts(session.contacts, [account], true);
  }
  return pinnedAccountBoxKey(await session.contacts.load(), account, "confirmed");
}

const SCOPES: readonly MachineScope[] = ["read", "readwrite"];

export function registerServiceAccount(program: Command) {
  const sa = commandGroup(program, "sa", "service accounts (machine identities)");

  sa.command("list")
    .description("list the service accounts you can see")
    .option("--json", "print the list as JSON")
    .action(async (options: { json?: boolean }) => {
      const http = signedInHttp();
      const { serviceAccounts } = await call(http, routes.listServiceAccounts);
      if (options.json) {
        process.stdout.write(`${JSON.stringify(serviceAccounts)}\n`);
        return;
      }
      for (const account of serviceAccounts) {
        const role = account.manages ? "manager" : "viewer";
        process.stdout.write(
          `${account.id}  ${account.name}  ${account.status}, ${account.vaultCount} vaults, ${account.liveTokenCount} live tokens, ${role}\n`,
        );
      }
    });

  sa.command("create")
    .description("create a service account; its keys are made on this machine")
    .argument("<name>", "the account's name")
    .option("--description <text>", "what the account is for", "")
    .option("--max-token-ttl <duration>", "the longest a session token of it may live", "1h")
    .option("--json", "print the new account's id as JSON")
    .action(
      async (
        name: string,
        options: { description: string; maxTokenTtl: string; json?: boolean },
      ) => {
        const maxTokenTtlSeconds = Math.round(
          parseDuration(options.maxTokenTtl, "--max-token-ttl"),
        );
        const { account, http, session } = await openPersonSession();
        const request = buildServiceAccount({
          person: account,
          name,
          description: options.description,
          maxTokenTtlSeconds,
        });
        const { id } = await call(http, routes.createServiceAccount, { body: request });
        // This person made the keys, so there is nothing to compare: pin them as confirmed.
        await pinServiceAccounts(
          session.contacts,
          [{ id, name: request.name, ...request.keys }],
          true,
        );
        if (options.json) process.stdout.write(`${JSON.stringify({ id, name: request.name })}\n`);
        else process.stdout.write(`Created service account ${request.name} (${id}).\n`);
      },
    );

  for (const [verb, status] of [
    ["disable", "disabled"],
    ["enable", "active"],
  ] as const) {
    sa.command(verb)
      .description(
        verb === "disable"
          ? "disable a service account: its tokens are refused until it is enabled again"
          : "enable a disabled service account",
      )
      .argument("<sa>", "the account's name or id")
      .action(async (nameOrId: string) => {
        const http = signedInHttp();
        const { id, name } = await findServiceAccount(http, nameOrId);
        await call(http, routes.setServiceAccountStatus, { params: { id }, body: { status } });
        process.stdout.write(`Service account ${name} is ${status}.\n`);
      });
  }

  sa.command("grant")
    .description("grant a service account one of your vaults, after comparing its fingerprint")
    .argument("<sa>", "the account's name or id")
    .argument("<vault>", "the vault's name or id")
    .option("--scope <scope>", "read or readwrite", "read")
    .option("--fingerprint <words or hex>", "the account's fingerprint as its creator sees it")
    .action(
      async (
        nameOrId: string,
        vaultName: string,
        options: { scope: string; fingerprint?: string },
      ) => {
        if (!SCOPES.includes(options.scope as MachineScope)) {
          throw usageError("--scope must be read or readwrite.");
        }
        const scope = options.scope as MachineScope;
        const { account, http, session } = await openPersonSession();
        const detail = await serviceAccountDetail(http, nameOrId);
        const vault = pickVault(await openAllVaults(session), vaultName);
        const accountBoxPublicKey = await confirmFingerprint(session, detail, options.fingerprint);
        await withSaKey(account, detail, (saKey) =>
          call(http, routes.grantServiceAccount, {
            params: { id: vault.summary.id },
            body: buildServiceAccountGrant({
              person: account,
              saKey,
              detail,
              accountBoxPublicKey,
              vaultId: vault.summary.id,
              vaultKey: vault.key,
              keyVersion: vault.summary.keyVersion,
              scope,
            }),
          }),
        );
        process.stdout.write(
          `Granted ${vault.name} (${scope}) to service account ${detail.serviceAccount.name}.\n`,
        );
      },
    );
}
