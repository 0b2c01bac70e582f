import { decryptItems, openVault, type VaultSession } from "@/lib/sdk/vaults";
import type { OpenVault } from "./open-vault";
import type { SecretReference } from "./reference";

/**
 * The person's vaults a reference may point into, decrypted on this terminal in the shape the
 * reference resolver reads. Only vaults whose id or name matches are fetched in full; items that
 * fail their integrity or revision check are left out, so a reference to one is "not found"
 * rather than a value the server could have swapped.
 */
export async function openReferencedVaults(
  session: VaultSession,
  reference: SecretReference,
): Promise<OpenVault[]> {
  const { vaults } = await session.api.list();
  const opened = await Promise.all(vaults.map((summary) => openVault(session, summary)));
  const candidates = opened.filter(
    (vault) =>
      vault.key !== null &&
      (vault.summary.id === reference.vault || vault.name === reference.vault) &&
      (reference.environment === undefined || vault.summary.environment === reference.environment),
  );
  return Promise.all(
    candidates.map(async (vault) => {
      const detail = await session.api.detail(vault.summary.id);
      const items = await decryptItems(
        session,
        vault.summary.id,
        vault.key as Uint8Array,
        detail.items,
      );
      return {
        id: vault.summary.id,
        name: vault.name,
        environment: vault.summary.environment,
        items: items.flatMap(({ dto, plaintext }) =>
          plaintext ? [{ id: dto.id, plaintext }] : [],
        ),
      };
    }),
  );
}
