import type { ItemPlaintext } from "@/lib/crypto";
import type { VaultSummaryDto } from "@/lib/api/vault";
import { commitImport, type CommitImportOptions } from "@/lib/sdk/import/commit";
import type { ImportPlanEntry } from "@/lib/sdk/import/plan";
import type { Keyring } from "@/lib/client/keyring";
import type { OpenedVault } from "@/lib/client/vaults/open-vault";
import { vaultSession } from "@/lib/client/vaults/vault-session";
import { vaultStore } from "@/lib/client/vaults/vault-store-instance";

// The import screen's way to the SDK: encrypted in this tab, then sent in batches
// (lib/sdk/import/commit.ts). Only ciphertext and encrypted vault names leave the browser.

export function commitImportInBrowser(
  keyring: Keyring,
  plan: readonly ImportPlanEntry[],
  options: CommitImportOptions,
) {
  return commitImport(vaultSession(keyring), plan, options);
}

/**
 * Vaults an import may add to: opened (name decrypted, key accepted) and not view-only. They
 * come from the tab's vault store, opened once for this screen and every other.
 */
export async function writableVaults(keyring: Keyring): Promise<OpenedVault[]> {
  const vaults = await vaultStore(keyring).openedVaults();
  // The store's list is already in name order.
  return vaults.filter((vault) => vault.summary.role !== "view" && vault.key);
}

/**
 * Every readable item of a vault, for the duplicate check: the store's decrypted copy, the one
 * the vault screens show, rather than the vault fetched and decrypted again.
 */
export async function vaultPlaintexts(
  keyring: Keyring,
  vault: { summary: VaultSummaryDto; key: Uint8Array | null },
): Promise<ItemPlaintext[]> {
  if (!vault.key || vault.summary.itemCount === 0) return [];
  const { items } = await vaultStore(keyring).loadedVault(vault.summary.id);
  return items.flatMap((item) => (item.plaintext ? [item.plaintext] : []));
}
