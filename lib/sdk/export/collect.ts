import { decryptItem, type ExportContent, type ItemPlaintext } from "@/lib/crypto";
import type { ItemDto } from "@/lib/api/vault";
import { decryptItems, openVault, type OpenedVault, type VaultSession } from "../vaults";

export type ExportProgress = { vault: number; vaults: number; name: string };

/** Something left out of an export, said in one sentence without any secret in it. */
export type ExportOmission = { vault: string; message: string };

export type CollectedExport = {
  content: ExportContent;
  vaultCount: number;
  itemCount: number;
  omitted: ExportOmission[];
};

export type CollectOptions = {
  /** Older versions of each item, through the history route (one request per item). */
  history?: boolean;
  /** Vault ids or names to include; every vault the person can open when absent. */
  vaults?: readonly string[];
  onProgress?: (progress: ExportProgress) => void;
  now?: () => Date;
};

/**
 * Every vault the person can read, decrypted on this device with the same pinning and
 * revision checks as opening it on screen: a vault or item that fails them is left out and
 * named in `omitted`, never exported from data the server could have forged.
 */
export async function collectExport(
  session: VaultSession,
  options: CollectOptions = {},
): Promise<CollectedExport> {
  const { vaults: summaries } = await session.api.list();
  const opened: OpenedVault[] = [];
  for (const summary of summaries) opened.push(await openVault(session, summary));
  const chosen = options.vaults ? choose(opened, options.vaults) : opened;
  const content: ExportContent = {
    exportedAt: (options.now?.() ?? new Date()).toISOString(),
    vaults: [],
  };
  const omitted: ExportOmission[] = [];
  let itemCount = 0;
  for (const [index, vault] of chosen.entries()) {
    options.onProgress?.({ vault: index, vaults: chosen.length, name: vault.name });
    if (!vault.key) {
      omitted.push({ vault: vault.summary.id, message: "This vault could not be opened here." });
      continue;
    }
    const detail = await session.api.detail(vault.summary.id);
    const decrypted = await decryptItems(session, vault.summary.id, vault.key, detail.items);
    const items: ExportContent["vaults"][number]["items"] = [];
    for (const { dto, plaintext } of decrypted) {
      if (!plaintext) {
        omitted.push({ vault: vault.name, message: "An item failed its integrity check." });
        continue;
      }
      const history = options.history
        ? await olderVersions(session, vault.summary.id, vault.key, dto, () =>
            omitted.push({
              vault: vault.name,
              message: "An earlier version of an item could not be opened and was left out.",
            }),
          )
        : undefined;
      items.push(history ? { plaintext, history } : { plaintext });
    }
    itemCount += items.length;
    content.vaults.push({
      name: vault.name,
      environment: vault.summary.environment,
      items,
    });
  }
  options.onProgress?.({ vault: chosen.length, vaults: chosen.length, name: "" });
  return { content, vaultCount: content.vaults.length, itemCount, omitted };
}

function choose(opened: OpenedVault[], wanted: readonly string[]): OpenedVault[] {
  const chosen = opened.filter(
    (vault) =>
      wanted.includes(vault.summary.id) || (vault.key !== null && wanted.includes(vault.name)),
  );
  const missing = wanted.filter(
    (name) => !chosen.some((vault) => vault.summary.id === name || vault.name === name),
  );
  if (missing.length > 0) throw new ExportVaultNotFoundError(missing);
  return chosen;
}

export class ExportVaultNotFoundError extends Error {
  constructor(readonly names: string[]) {
    super(`No vault named ${names.join(", ")}.`);
    this.name = "ExportVaultNotFoundError";
  }
}

/**
 * The item's earlier revisions, oldest first, without the current one. A revision that fails
 * to open is left out and reported through `onUnreadable`.
 */
async function olderVersions(
  session: VaultSession,
  vaultId: string,
  key: Uint8Array,
  current: ItemDto,
  onUnreadable: () => void,
): Promise<ItemPlaintext[]> {
  const { revisions } = await session.api.history(vaultId, current.id);
  const older: ItemPlaintext[] = [];
  for (const entry of [...revisions].sort((a, b) => a.revision - b.revision)) {
    if (entry.revision >= current.revision) continue;
    try {
      older.push(
        decryptItem(key, entry.ciphertext, {
          vaultId,
          itemId: current.id,
          keyVersion: entry.keyVersion,
          revision: entry.revision,
        }),
      );
    } catch {
      onUnreadable();
    }
  }
  return older;
}
