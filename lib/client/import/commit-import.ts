import type { ItemPlaintext } from "@/lib/crypto";
import type { VaultSummaryDto } from "@/lib/api/vault";
import { commitImport, type CommitImportOptions } from "@/lib/sdk/import/commit";
import type { ImportPlanEntry } from "@/lib/sdk/import/plan";
import type { Keyring } from "@/lib/client/keyring";
import { decryptItems, openVault, type OpenedVault } from "@/lib/client/vaults/open-vault";
import { vaultApi } from "@/lib/client/vaults/vault-api";
import { vaultSession } from "@/lib/client/vaults/vault-session";

// The import screen's way to the SDK: encrypted in this tab, then sent in batches
// (lib/sdk/import/commit.ts). Only ciphertext and encrypted vault names leave the browser.

export function commitImportInBrowser(
  keyring: Keyring,
  plan: readonly ImportPlanEntry[],
  options: CommitImportOptions,
) {
  return commitImport(vaultSession(keyring), plan, options);
}

/** Vaults an import may add to: opened (name decrypted, key accepted) and not view-only. */
export async function writableVaults(keyring: Keyring): Promise<OpenedVault[]> {
  const { vaults } = await vaultApi.list();
  const opened: OpenedVault[] = [];
  for (const summary of vaults) {
    if (summary.role === "view") continue;
    const vault = await openVault(keyring, summary);
    if (vault.key) opened.push(vault);
  }
  return opened.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every readable item of a vault, decrypted here, for the duplicate check. */
export async function vaultPlaintexts(
  keyring: Keyring,
  vault: { summary: VaultSummaryDto; key: Uint8Array | null },
): Promise<ItemPlaintext[]> {
  if (!vault.key || vault.summary.itemCount === 0) return [];
  const detail = await vaultApi.detail(vault.summary.id);
  const items = await decryptItems(keyring, vault.summary.id, vault.key, detail.items);
  return items.flatMap((item) => (item.plaintext ? [item.plaintext] : []));
}
