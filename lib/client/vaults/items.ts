import type { ItemPlaintext } from "@/lib/crypto";
import type { ItemDto } from "@/lib/api/vault";
import * as sdk from "@/lib/sdk/vaults/items";
import type { Keyring } from "@/lib/client/keyring";
import { vaultSession } from "./vault-session";

// Saving an item from the item page: encrypted, sent and its revision remembered by the SDK
// (lib/sdk/vaults/items.ts).

type VaultAt = { vaultId: string; key: Uint8Array; keyVersion: number };

export function saveNewItem(
  keyring: Keyring,
  vault: VaultAt,
  plaintext: ItemPlaintext,
): Promise<ItemDto> {
  return sdk.createItem(vaultSession(keyring), vault, plaintext);
}

/** A 409 means someone saved meanwhile (isConflict); nothing is overwritten. */
export function saveItemRevision(
  keyring: Keyring,
  vault: VaultAt,
  base: { id: string; revision: number; plaintext: ItemPlaintext | null },
  next: ItemPlaintext,
  options: { restoring?: boolean } = {},
): Promise<ItemDto> {
  return sdk.updateItem(vaultSession(keyring), vault, base, next, options);
}
