import "server-only";
import type { ShareLinkDto } from "@/lib/api/share-link";
import { recordAudit } from "../audit";
import { conflict, notFound } from "../errors";
import { findItem } from "../data/items";
import {
  findShareLink,
  insertShareLink,
  listOrgShareLinks,
  listShareLinksOf,
  listShareLinksOfItem,
  markExpiredShareLinks,
  revokeShareLinkRow,
} from "../data/share-links";
import { canReadVault, isOrgAdmin } from "../policies";
import type { SessionContext } from "../session";
import { shareLinkToDto } from "./dto";
import { requireWithinPolicy, shareLinkPolicy, type CreateShareLinkBody } from "./policy";

/**
 * Files a link made on the person's device. A link from an item names it, so the item must be
 * one the person can read now (404 like any vault they are not in): the audit and the item's
 * history then say truthfully which secret went out.
 */
export async function createShareLink(
  session: SessionContext,
  body: CreateShareLinkBody,
  request: Request,
): Promise<ShareLinkDto> {
  const policy = await shareLinkPolicy();
  requireWithinPolicy(body, policy);
  if (body.source) {
    await canReadVault(session, body.source.vaultId);
    if (!(await findItem(body.source.vaultId, body.source.itemId))) {
      throw notFound("No such item.");
    }
  }
  const row = await insertShareLink({
    id: body.id,
    orgId: policy.orgId ?? "",
    creatorId: session.userId,
    ciphertext: body.ciphertext,
    proofHash: body.proofHash,
    passphraseKdf: body.passphrase,
    expiresAt: new Date(Date.now() + body.expiresInSeconds * 1000),
    maxViews: body.maxViews,
    sourceVaultId: body.source?.vaultId ?? null,
    sourceItemId: body.source?.itemId ?? null,
  });
  if (!row) throw conflict("A link with this id exists already: make a new link.");
  await recordAudit({
    action: "share_link.created",
    actorId: session.userId,
    request,
    targetType: "share_link",
    targetId: row.id,
    vaultId: body.source?.vaultId,
    details: {
      itemId: body.source?.itemId ?? null,
      maxViews: body.maxViews,
      expiresAt: row.expiresAt.toISOString(),
      passphrase: body.passphrase !== null,
    },
  });
  return shareLinkToDto(row);
}

/**
 * Marks links whose time ran out and records one share_link.expired event for each, the
 * first time anyone looks (a list, a reveal); their ciphertext is deleted on the way.
 */
export async function recordExpiredShareLinks(request?: Request) {
  for (const link of await markExpiredShareLinks()) {
    await recordAudit({
      action: "share_link.expired",
      actorId: null,
      request,
      targetType: "share_link",
      targetId: link.id,
      vaultId: link.sourceVaultId ?? undefined,
      details: { creatorId: link.creatorId, itemId: link.sourceItemId },
    });
  }
}

export async function myShareLinks(session: SessionContext, request: Request) {
  await recordExpiredShareLinks(request);
  const now = Date.now();
  return (await listShareLinksOf(session.userId)).map((row) => shareLinkToDto(row, now));
}

export async function orgShareLinks(request: Request) {
  await recordExpiredShareLinks(request);
  const now = Date.now();
  return (await listOrgShareLinks()).map((row) => shareLinkToDto(row, now));
}

/** Links made from an item, for anyone who can read its vault: the item's share history. */
export async function itemShareLinks(session: SessionContext, vaultId: string, itemId: string) {
  await canReadVault(session, vaultId);
  if (!(await findItem(vaultId, itemId))) throw notFound("No such item.");
  const now = Date.now();
  return (await listShareLinksOfItem(itemId))
    .filter((row) => row.sourceVaultId === vaultId)
    .map((row) => shareLinkToDto(row, now));
}

/**
 * The creator revokes their own link; an admin any link. Someone else's link answers 404, as
 * if it did not exist. A link no longer live answers 409.
 */
export async function revokeShareLink(session: SessionContext, id: string, request: Request) {
  const existing = await findShareLink(id);
  const admin = isOrgAdmin(session);
  if (!existing || (existing.creatorId !== session.userId && !admin)) {
    throw notFound("No such share link.");
  }
  const reason = existing.creatorId === session.userId ? "creator" : "admin";
  const revoked = await revokeShareLinkRow(id, reason);
  if (!revoked) {
    throw conflict("This link is already used up, expired, revoked or frozen.", "not_active");
  }
  await recordAudit({
    action: "share_link.revoked",
    actorId: session.userId,
    request,
    targetType: "share_link",
    targetId: id,
    vaultId: revoked.sourceVaultId ?? undefined,
    details: { reason, creatorId: revoked.creatorId, itemId: revoked.sourceItemId },
  });
  return shareLinkToDto(revoked);
}
