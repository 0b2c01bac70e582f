import { getSodium } from "@/lib/crypto";
import type { ItemDto, MemberDto, VaultSummaryDto } from "@/lib/api/vault";
import * as sdk from "@/lib/sdk/vaults/open-vault";
import type { Keyring } from "@/lib/client/keyring";
import { vaultSession } from "./vault-session";

// The vault screens' entry to the SDK's open-vault rules (lib/sdk/vaults/open-vault.ts).

export {
  INTEGRITY_MESSAGE,
  type DecryptedItem,
  type MemberTrust,
  type OpenedVault,
} from "@/lib/sdk/vaults/open-vault";
export type { VaultAccessProblem } from "@/lib/sdk/vaults/errors";

export const KEYS_CHANGED_MESSAGE = "This person's keys changed — a manager must re-confirm them.";

export async function openVault(keyring: Keyring, summary: VaultSummaryDto) {
  await getSodium();
  return sdk.openVault(vaultSession(keyring), summary);
}

/** Decrypts every item, refusing any the server rolled back to an older revision. */
export function decryptItems(
  keyring: Keyring,
  vaultId: string,
  key: Uint8Array,
  items: ItemDto[],
  options?: sdk.DecryptItemsOptions,
) {
  return sdk.decryptItems(vaultSession(keyring), vaultId, key, items, options);
}

/** Writes the revision marks of pages decrypted with `saveRevisions: false`. */
export function saveRevisions(keyring: Keyring) {
  return sdk.saveRevisions(vaultSession(keyring));
}

/** Records a revision we wrote ourselves, so the server cannot later serve the one before it. */
export function rememberRevision(keyring: Keyring, itemId: string, revision: number) {
  return sdk.rememberRevision(vaultSession(keyring), itemId, revision);
}

export function memberTrust(keyring: Keyring, members: MemberDto[]) {
  return sdk.memberTrust(vaultSession(keyring), members);
}
