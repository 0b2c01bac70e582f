// The sample export content (test/fixtures/export) written into real vaults through the
// protocol, each earlier version as a real edit, and a view of exported content that a round
// trip must keep exactly.
import { expect } from "vitest";
import type { ExportContent } from "../../lib/crypto";
import type { VaultEnvironmentDto } from "../../lib/api/vault";
import { sampleExportContent } from "../fixtures/export/sample-content";
import type { VaultClient } from "./vault-client";

/** Creates one vault per sample vault; returns their ids in the sample's order. */
export async function seedSampleVaults(client: VaultClient, suffix = ""): Promise<string[]> {
  const vaultIds: string[] = [];
  for (const vault of sampleExportContent.vaults) {
    const { vaultId } = await client.createVault(
      `${vault.name}${suffix}`,
      (vault.environment ?? null) as VaultEnvironmentDto | null,
    );
    vaultIds.push(vaultId);
    for (const item of vault.items) {
      const [first, ...later] = [...(item.history ?? []), item.plaintext];
      const { itemId } = await client.addItem(vaultId, first!);
      for (const next of later) {
        const base = (await client.openVault(vaultId)).items.find((opened) => opened.id === itemId);
        expect((await client.updateItem(vaultId, base!, next)).status).toBe(200);
      }
    }
  }
  return vaultIds;
}

/**
 * Vaults by name with their items and history, without the export time or environment (an
 * import does not carry the environment label): what must survive export → import → export.
 * Vaults without items are left out, as an import makes no vault for an empty folder.
 */
export function comparableContent(content: ExportContent, suffix = "") {
  return content.vaults
    .filter((vault) => vault.items.length > 0)
    .map((vault) => ({
      name: vault.name.endsWith(suffix)
        ? vault.name.slice(0, vault.name.length - suffix.length)
        : vault.name,
      // The server lists items in its own order; an import need not recreate it.
      items: vault.items
        .map((item) => ({ plaintext: item.plaintext, history: item.history ?? [] }))
        .sort((a, b) => a.plaintext.title.localeCompare(b.plaintext.title)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
