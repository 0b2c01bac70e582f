import type { MemberDto } from "@/lib/api/vault";
import type { Keyring } from "@/lib/client/keyring";
import type { OpenedVault } from "./open-vault";
import { vaultStore } from "./vault-store-instance";

// Vault and item names are encrypted: only a member's client can show them. Everywhere else
// (an admin's tracker, a report) an id stands in, shortened to something a person can match.
// Both readers below go through the tab's one vault store, so a vault is opened once.

export const shortId = (id: string) => id.slice(0, 8);
export const fallbackVaultName = (vaultId: string) => `Vault ${shortId(vaultId)}`;
export const fallbackItemTitle = (itemId: string) => `Item ${shortId(itemId)}`;

/** Every vault in the viewer's own list, its grant opened (or refused) on this device. */
export async function openOwnVaults(keyring: Keyring): Promise<Map<string, OpenedVault>> {
  const store = vaultStore(keyring);
  await store.ensureList(true);
  const { vaults, error } = store.vaultList();
  if (error) throw new Error(error);
  return new Map((vaults ?? []).map((vault) => [vault.summary.id, vault]));
}

/** The titles of a vault's items this device can decrypt, by item id, and its members. */
export async function vaultContents(
  keyring: Keyring,
  vault: OpenedVault,
): Promise<{ titles: Map<string, string>; members: MemberDto[] }> {
  if (!vault.key) return { titles: new Map(), members: [] };
  const store = vaultStore(keyring);
  await store.ensureVault(vault.summary.id);
  const state = store.vault(vault.summary.id);
  if (state?.error) throw new Error(state.error);
  const titles = new Map<string, string>();
  for (const item of state?.items ?? []) {
    if (item.plaintext) titles.set(item.dto.id, item.plaintext.title);
  }
  return { titles, members: state?.detail?.members ?? [] };
}
