import "server-only";
import type { UpdateItemRequest } from "@/lib/api/vault";
import { recordAudit } from "../audit";
import { updateItem } from "../data/items";
import { itemToDto } from "../dto";
import { notFound } from "../errors";

/**
 * A new revision of an item, by a person or a read-write machine (the caller has checked that
 * the actor may write): the same stale-write and old-key refusals, the same flag clearing on a
 * new secret value, and the same audit events for both.
 */
export async function saveItemRevision(input: {
  vaultId: string;
  itemId: string;
  body: UpdateItemRequest;
  actor: { id: string; kind?: "machine"; tokenId?: string };
  request: Request;
}) {
  const { vaultId, itemId, body, actor, request } = input;
  const item = await updateItem({
    vaultId,
    itemId,
    keyVersion: body.keyVersion,
    baseRevision: body.baseRevision,
    ciphertext: body.ciphertext,
    authorId: actor.id,
    secretsChanged: body.changedSecretFields > 0,
  });
  if (!item) throw notFound("No such item.");
  const audited = {
    actorId: actor.id,
    actorKind: actor.kind,
    actorTokenId: actor.tokenId,
    request,
    vaultId,
  };
  await recordAudit({
    ...audited,
    action: "item.update",
    targetType: "item",
    targetId: itemId,
    details: { revision: item.revision, changedSecretFields: body.changedSecretFields },
  });
  if (item.flagsCleared > 0) {
    await recordAudit({
      ...audited,
      action: "flag.clear",
      targetType: "item",
      targetId: itemId,
      details: { how: "new_value", flags: item.flagsCleared },
    });
  }
  return itemToDto(item);
}
