import { changedSecretFields, encryptItem, type ItemPlaintext } from "@/lib/crypto";
import type { CreateItemRequest, ItemDto, UpdateItemRequest } from "@/lib/api/vault";
import { newClientId } from "./ids";
import { rememberRevision } from "./open-vault";
import type { VaultSession } from "./vault-session";

type VaultAt = { vaultId: string; key: Uint8Array; keyVersion: number };

/** A new item at revision 1, encrypted under its AD. */
export function newItemRequest(
  vault: VaultAt,
  plaintext: ItemPlaintext,
  itemId = newClientId(),
): CreateItemRequest {
  const { vaultId, key, keyVersion } = vault;
  return {
    id: itemId,
    keyVersion,
    ciphertext: encryptItem(key, plaintext, { vaultId, itemId, keyVersion, revision: 1 }),
  };
}

/**
 * The next revision on top of `base` (what the edit started from). `changedSecretFields`
 * counts the secret values that differ, so the server can clear rotation flags; a restored
 * older revision brings back values that were exposed before, so it counts none.
 */
export function itemUpdateRequest(
  vault: VaultAt,
  base: { id: string; revision: number; plaintext: ItemPlaintext | null },
  next: ItemPlaintext,
  options: { restoring?: boolean } = {},
): UpdateItemRequest {
  const { vaultId, key, keyVersion } = vault;
  const revision = base.revision + 1;
  return {
    keyVersion,
    baseRevision: base.revision,
    ciphertext: encryptItem(key, next, { vaultId, itemId: base.id, keyVersion, revision }),
    changedSecretFields:
      base.plaintext && !options.restoring ? changedSecretFields(base.plaintext, next).length : 0,
  };
}

/** Creates the item and remembers its revision, so the server cannot later serve none. */
export async function createItem(
  session: VaultSession,
  vault: VaultAt,
  plaintext: ItemPlaintext,
): Promise<ItemDto> {
  const created = await session.api.createItem(vault.vaultId, newItemRequest(vault, plaintext));
  await rememberRevision(session, created.id, created.revision);
  return created;
}

/** Saves a new revision (409 when someone saved meanwhile) and remembers it. */
export async function updateItem(
  session: VaultSession,
  vault: VaultAt,
  base: { id: string; revision: number; plaintext: ItemPlaintext | null },
  next: ItemPlaintext,
  options: { restoring?: boolean } = {},
): Promise<ItemDto> {
  const updated = await session.api.updateItem(
    vault.vaultId,
    base.id,
    itemUpdateRequest(vault, base, next, options),
  );
  await rememberRevision(session, updated.id, updated.revision);
  return updated;
}
