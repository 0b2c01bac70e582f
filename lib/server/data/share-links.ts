import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { isUniqueViolation } from "./organization";

type Transaction = Prisma.TransactionClient;

/**
 * Everything about a link but its ciphertext and proof hash: what lists, revocations and
 * audits need. The ciphertext leaves the database only through `takeShareLinkView`.
 */
const linkColumns = {
  id: true,
  creatorId: true,
  creator: { select: { id: true, name: true, email: true } },
  passphraseKdf: true,
  expiresAt: true,
  maxViews: true,
  viewsLeft: true,
  failedAttempts: true,
  sourceVaultId: true,
  sourceItemId: true,
  createdAt: true,
  lastViewedAt: true,
  revokedAt: true,
  revokedReason: true,
  frozenAt: true,
} satisfies Prisma.ShareLinkSelect;

export type ShareLinkRow = Prisma.ShareLinkGetPayload<{ select: typeof linkColumns }>;

/** A link that can still be viewed at `now`: the same test as the reveal's UPDATE. */
const liveAt = (now: Date) =>
  ({
    revokedAt: null,
    frozenAt: null,
    viewsLeft: { gt: 0 },
    expiresAt: { gt: now },
  }) satisfies Prisma.ShareLinkWhereInput;

/** Null when the id is taken (S collides only by a broken random source; refuse, never merge). */
export async function insertShareLink(input: {
  id: string;
  orgId: string;
  creatorId: string;
  ciphertext: string;
  proofHash: string;
  passphraseKdf: Prisma.InputJsonValue | null;
  expiresAt: Date;
  maxViews: number;
  sourceVaultId: string | null;
  sourceItemId: string | null;
}): Promise<ShareLinkRow | null> {
  const prisma = await db();
  try {
    return await prisma.shareLink.create({
      data: {
        ...input,
        passphraseKdf: input.passphraseKdf ?? undefined,
        viewsLeft: input.maxViews,
      },
      select: linkColumns,
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export async function findShareLink(id: string): Promise<ShareLinkRow | null> {
  const prisma = await db();
  return prisma.shareLink.findUnique({ where: { id }, select: linkColumns });
}

/** What the public routes read before a reveal: the live link's KDF settings and proof hash. */
export async function findLiveShareLink(id: string, now = new Date()) {
  const prisma = await db();
  return prisma.shareLink.findFirst({
    where: { id, ...liveAt(now) },
    select: { id: true, passphraseKdf: true, expiresAt: true, proofHash: true },
  });
}

interface TakenView {
  ciphertext: string;
  viewsLeft: number;
  creatorId: string;
  sourceVaultId: string | null;
  sourceItemId: string | null;
}

/**
 * DO NOT SPLIT: one statement takes a view — only while the link is live and the proof's hash
 * matches — and returns the ciphertext as it was, emptying it when this was the last view. Two
 * parallel reveals of a one-view link therefore give exactly one row. The CTE locks the row
 * and keeps the old ciphertext (RETURNING alone would give the emptied one).
 */
export async function takeShareLinkView(input: {
  id: string;
  proofHash: string;
  now: Date;
}): Promise<TakenView | null> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<TakenView[]>`
    WITH target AS (
      SELECT "id", "ciphertext" FROM "ShareLink" WHERE "id" = ${input.id} FOR UPDATE
    )
    UPDATE "ShareLink" s
    SET "viewsLeft" = s."viewsLeft" - 1,
        "lastViewedAt" = ${input.now}::timestamp,
        "ciphertext" = CASE WHEN s."viewsLeft" = 1 THEN '' ELSE s."ciphertext" END
    FROM target
    WHERE s."id" = target."id" AND s."proofHash" = ${input.proofHash}
      AND s."viewsLeft" > 0 AND s."expiresAt" > ${input.now}::timestamp
      AND s."revokedAt" IS NULL AND s."frozenAt" IS NULL
    RETURNING target."ciphertext", s."viewsLeft", s."creatorId", s."sourceVaultId",
              s."sourceItemId"`;
  return rows[0] ?? null;
}

/**
 * One more wrong proof on a live link; at `limit` the link is revoked (reason "attempts") and
 * its ciphertext deleted, in the same statement. Null when the link is no longer live.
 */
export async function noteWrongShareProof(id: string, limit: number, now = new Date()) {
  const prisma = await db();
  const rows = await prisma.$queryRaw<
    Array<{ failedAttempts: number; revoked: boolean; creatorId: string }>
  >`
    UPDATE "ShareLink"
    SET "failedAttempts" = "failedAttempts" + 1,
        "revokedAt" = CASE WHEN "failedAttempts" + 1 >= ${limit} THEN ${now}::timestamp(3) ELSE NULL END,
        "revokedReason" = CASE WHEN "failedAttempts" + 1 >= ${limit} THEN 'attempts' END,
        "ciphertext" = CASE WHEN "failedAttempts" + 1 >= ${limit} THEN '' ELSE "ciphertext" END
    WHERE "id" = ${id} AND "revokedAt" IS NULL AND "frozenAt" IS NULL
      AND "viewsLeft" > 0 AND "expiresAt" > ${now}::timestamp
    RETURNING "failedAttempts", ("revokedAt" IS NOT NULL) AS "revoked", "creatorId"`;
  return rows[0] ?? null;
}

/** Revokes one live link (its ciphertext deleted); null when it was not live. */
export async function revokeShareLinkRow(
  id: string,
  reason: "creator" | "admin",
  now = new Date(),
): Promise<ShareLinkRow | null> {
  const prisma = await db();
  const revoked = await prisma.shareLink.updateMany({
    where: { id, ...liveAt(now) },
    data: { revokedAt: now, revokedReason: reason, ciphertext: "" },
  });
  return revoked.count === 1 ? findShareLink(id) : null;
}

const listLimit = 500;

export async function listShareLinksOf(creatorId: string) {
  const prisma = await db();
  return prisma.shareLink.findMany({
    where: { creatorId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: listLimit,
    select: linkColumns,
  });
}

export async function listOrgShareLinks() {
  const prisma = await db();
  return prisma.shareLink.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: listLimit,
    select: linkColumns,
  });
}

export async function listShareLinksOfItem(itemId: string) {
  const prisma = await db();
  return prisma.shareLink.findMany({
    where: { sourceItemId: itemId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: listLimit,
    select: linkColumns,
  });
}

/**
 * Links whose time ran out and that were not yet recorded as expired: each is marked (so it is
 * recorded once, whichever instance sees it first) and its ciphertext deleted.
 */
export async function markExpiredShareLinks(now = new Date()) {
  const prisma = await db();
  return prisma.$queryRaw<
    Array<{
      id: string;
      creatorId: string;
      sourceVaultId: string | null;
      sourceItemId: string | null;
    }>
  >`
    UPDATE "ShareLink"
    SET "expiryRecordedAt" = ${now}::timestamp, "ciphertext" = ''
    WHERE "expiresAt" <= ${now}::timestamp AND "expiryRecordedAt" IS NULL
      AND "revokedAt" IS NULL AND "frozenAt" IS NULL AND "viewsLeft" > 0
    RETURNING "id", "creatorId", "sourceVaultId", "sourceItemId"`;
}

/**
 * For offboarding (through machine-access.ts): every live link of the person is revoked (its
 * ciphertext deleted). Returns every link they ever made, for the report: an opened link's
 * item was seen by someone outside the vault.
 */
export async function revokeShareLinksOfCreator(tx: Transaction, creatorId: string, now: Date) {
  const live = await tx.shareLink.findMany({
    where: { creatorId, ...liveAt(now) },
    select: { id: true },
  });
  const revokedIds = new Set(live.map((link) => link.id));
  if (revokedIds.size) {
    await tx.shareLink.updateMany({
      where: { id: { in: [...revokedIds] }, ...liveAt(now) },
      data: { revokedAt: now, revokedReason: "offboarding", ciphertext: "" },
    });
  }
  const links = await tx.shareLink.findMany({
    where: { creatorId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: listLimit,
    select: {
      id: true,
      sourceVaultId: true,
      sourceItemId: true,
      maxViews: true,
      viewsLeft: true,
      lastViewedAt: true,
    },
  });
  return {
    revoked: revokedIds.size,
    links: links.map((link) => ({
      id: link.id,
      sourceVaultId: link.sourceVaultId,
      sourceItemId: link.sourceItemId,
      viewsUsed: link.maxViews - link.viewsLeft,
      lastViewedAt: link.lastViewedAt?.toISOString() ?? null,
      revokedNow: revokedIds.has(link.id),
    })),
  };
}

/** For lockdown (through machine-access.ts): every live link frozen, its ciphertext deleted. */
export async function freezeAllShareLinks(tx: Transaction, now: Date) {
  const frozen = await tx.shareLink.updateMany({
    where: liveAt(now),
    data: { frozenAt: now, ciphertext: "" },
  });
  return frozen.count;
}

export async function getShareLinkPolicy() {
  const prisma = await db();
  return prisma.organization.findFirst({
    select: {
      id: true,
      shareLinksAllowed: true,
      shareLinkMaxExpirySeconds: true,
      shareLinkPassphraseRequired: true,
    },
  });
}

export async function setShareLinkPolicy(
  orgId: string,
  policy: { linksAllowed: boolean; maxExpirySeconds: number; passphraseRequired: boolean },
) {
  const prisma = await db();
  await prisma.organization.update({
    where: { id: orgId },
    data: {
      shareLinksAllowed: policy.linksAllowed,
      shareLinkMaxExpirySeconds: policy.maxExpirySeconds,
      shareLinkPassphraseRequired: policy.passphraseRequired,
    },
    select: { id: true },
  });
}
