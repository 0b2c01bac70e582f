import type { MemberDto } from "@/lib/api/vault";
import type { Keyring } from "@/lib/client/keyring";
import { decryptItems, openVault, type OpenedVault } from "./open-vault";
import { vaultApi } from "./vault-api";

// Vault and item names are encrypted: only a member's client can show them. Everywhere else
// (an admin's tracker, a report) an id stands in, shortened to something a person can match.

export const shortId = (id: string) => id.slice(0, 8);
export const fallbackVaultName = (vaultId: string) => `Vault ${shortId(vaultId)}`;
export const fallbackItemTitle = (itemId: string) => `Item ${shortId(itemId)}`;

/** Every vault in the viewer's own list, its grant opened (or refused) on this device. */
export async function openOwnVaults(keyring: Keyring): Promise<Map<string, OpenedVault>> {
  const { vaults } = await vaultApi.list();
  const opened = new Map<string, OpenedVault>();
  for (const summary of vaults) opened.set(summary.id, await openVault(keyring, summary));
  return opened;
}

/** The titles of a vault's items this device can decrypt, by item id, and its members. */
export async function vaultContents(
  keyring: Keyring,
  vault: OpenedVault,
): Promise<{ titles: Map<string, string>; members: MemberDto[] }> {
  if (!vault.key) return { titles: new Map(), members: [] };
  const detail = await vaultApi.detail(vault.summary.id);
  const items = await decryptItems(keyring, vault.summary.id, vault.key, detail.items);
  const titles = new Map<string, string>();
  for (const item of items) {
    if (item.plaintext) titles.set(item.dto.id, item.plaintext.title);
  }
  return { titles, members: detail.members };
}
