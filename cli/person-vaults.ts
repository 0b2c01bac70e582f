import { unlockDeviceSession } from "@/lib/sdk/device-login";
import type { HttpPort } from "@/lib/sdk/http-port";
import type { UnlockedAccount } from "@/lib/sdk/unlocked-account";
import { openVault, VaultSession, type OpenedVault } from "@/lib/sdk/vaults";
import { fileKeyValueStore } from "./adapters/file-store";
import { CliError, EXIT } from "./errors";
import { deviceKeyPair, personHttpPort, requirePersonSession } from "./person-session";

/** The signed-in person's unlocked keys, bearer transport and vault session on this terminal. */
export async function openPersonSession(): Promise<{
  account: UnlockedAccount;
  http: HttpPort;
  session: VaultSession;
}> {
  const stored = requirePersonSession();
  const http = personHttpPort(stored);
  const account = await unlockDeviceSession(http, stored, deviceKeyPair(stored));
  const session = new VaultSession(account, {
    http,
    store: fileKeyValueStore(`state-${stored.userId}.json`),
  });
  return { account, http, session };
}

/** Every vault the person can open, through their vault session. */
export async function openAllVaults(session: VaultSession): Promise<OpenedVault[]> {
  const { vaults } = await session.api.list();
  return Promise.all(vaults.map((vault) => openVault(session, vault)));
}

/** The signed-in person's vault session on this terminal, with every vault they can open. */
export async function openPersonVaults(): Promise<{
  session: VaultSession;
  vaults: OpenedVault[];
}> {
  const { session } = await openPersonSession();
  return { session, vaults: await openAllVaults(session) };
}
/** The vault a name or id names, among those opened; a locked or unknown one is an error. */
export function pickVault(
  vaults: OpenedVault[],
  nameOrId: string,
): OpenedVault & { key: Uint8Array } {
  const matches = vaults.filter(
    (vault) => vault.summary.id === nameOrId || (vault.key && vault.name === nameOrId),
  );
  if (matches.length === 0) throw new CliError(EXIT.notFound, `No vault named ${nameOrId}.`);
  if (matches.length > 1) {
    throw new CliError(EXIT.usage, `Several vaults are named ${nameOrId}: use the vault's id.`);
  }
  const vault = matches[0]!;
  if (!vault.key) throw new CliError(EXIT.failure, `The vault ${nameOrId} cannot be opened here.`);
  return vault as OpenedVault & { key: Uint8Array };
}
