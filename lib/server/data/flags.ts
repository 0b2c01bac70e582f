import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";

type Transaction = Prisma.TransactionClient;

// Flags are raised in sets, by one INSERT … SELECT each, never item by item: an offboarding
// of someone in a thousand items must stay one statement. Every flag carries a dedupeKey and
// every insert says ON CONFLICT DO NOTHING, so a second run (another instance, a retry)
// raises nothing twice.

/** How long a flag of each priority may wait, in hours (the org's rotation settings). */
export interface DueHours {
  high: number;
  medium: number;
}

const hoursLater = (from: Date, hours: number) => new Date(from.getTime() + hours * 3_600_000);

/** The org's due hours; the schema's defaults before the organisation exists. */
export async function getRotationSettings() {
  const prisma = await db();
  const org = await prisma.organization.findFirst({
    select: { id: true, rotationDueHighHours: true, rotationDueMediumHours: true },
  });
  return {
    orgId: org?.id ?? null,
    dueHours: { high: org?.rotationDueHighHours ?? 24, medium: org?.rotationDueMediumHours ?? 72 },
  };
}

export async function setRotationSettings(orgId: string, dueHours: DueHours) {
  const prisma = await db();
  await prisma.organization.update({
    where: { id: orgId },
    data: { rotationDueHighHours: dueHours.high, rotationDueMediumHours: dueHours.medium },
    select: { id: true },
  });
}

/**
 * Flags every item the person could decrypt: for each vault in their key-grant history, the
 * items created before their access to it ended (their last revocation, or now while a grant
 * is live) — every key version they held counts, not only what they opened. High priority
 * where someone outside the vault saw it through a share link the person made and that was
 * opened (reason shared_link), or where the audit log shows they revealed or copied the item
 * (revealed/copied); medium, could_decrypt, otherwise.
 */
export async function insertOffboardingFlags(
  tx: Transaction,
  input: { runId: string; personId: string; now: Date; dueHours: DueHours },
) {
  const dueHigh = hoursLater(input.now, input.dueHours.high);
  const dueMedium = hoursLater(input.now, input.dueHours.medium);
  const rows = await tx.$queryRaw<Array<{ priority: "high" | "medium"; count: number }>>`
    WITH access AS (
      SELECT "vaultId", MAX(COALESCE("revokedAt", ${input.now}::timestamp)) AS "endedAt"
      FROM "KeyGrantHistory" WHERE "userId" = ${input.personId}::text
      GROUP BY "vaultId"
    ), events AS (
      SELECT "targetId" AS "itemId", "action" AS "how"
      FROM "AuditEvent"
      WHERE "actorId" = ${input.personId}::text
        AND "action" IN ('item.reveal', 'item.copy') AND "targetId" IS NOT NULL
      UNION ALL
      SELECT "sourceItemId", 'shared_link'
      FROM "ShareLink"
      WHERE "creatorId" = ${input.personId}::text AND "sourceItemId" IS NOT NULL
        AND "viewsLeft" < "maxViews"
    ), seen AS (
      SELECT "itemId", BOOL_OR("how" = 'item.reveal') AS "revealed",
             BOOL_OR("how" = 'shared_link') AS "shared"
      FROM events GROUP BY "itemId"
    ), inserted AS (
      INSERT INTO "ItemFlag" ("id", "itemId", "vaultId", "source", "personId", "runId", "reason",
                              "priority", "createdAt", "dueAt", "dedupeKey")
      SELECT gen_random_uuid()::text, i."id", i."vaultId", 'offboarding'::"FlagSource",
             ${input.personId}::text, ${input.runId}::text,
             CASE WHEN s."itemId" IS NULL THEN 'could_decrypt' WHEN s."shared" THEN 'shared_link'
                  WHEN s."revealed" THEN 'revealed' ELSE 'copied' END,
             (CASE WHEN s."itemId" IS NULL THEN 'medium' ELSE 'high' END)::"FlagPriority",
             ${input.now}::timestamp,
             CASE WHEN s."itemId" IS NULL THEN ${dueMedium}::timestamp ELSE ${dueHigh}::timestamp END,
             'offboarding:' || ${input.runId}::text || ':' || i."id"
      FROM "Item" i
      JOIN access a ON a."vaultId" = i."vaultId"
      LEFT JOIN seen s ON s."itemId" = i."id"
      WHERE i."createdAt" < a."endedAt"
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING "priority"
    )
    SELECT "priority"::text AS "priority", COUNT(*)::int AS "count" FROM inserted
    GROUP BY "priority"`;
  const count = (priority: "high" | "medium") =>
    rows.find((row) => row.priority === priority)?.count ?? 0;
  return { high: count("high"), medium: count("medium") };
}

/**
 * Flags items whose rotation interval (the item's, else its vault's) has passed since their
 * secrets last changed and that have no open flag. The dedupeKey names the item and the
 * moment its secrets changed, so instances running this at the same moment flag each item
 * once: the loser of the race waits on the winner's unique-index entry, then does nothing.
 */
export async function insertDueIntervalFlags(now: Date, dueHours: DueHours) {
  const prisma = await db();
  const dueAt = hoursLater(now, dueHours.medium);
  const [row] = await prisma.$queryRaw<Array<{ count: number }>>`
    WITH inserted AS (
      INSERT INTO "ItemFlag" ("id", "itemId", "vaultId", "source", "reason", "priority",
                              "createdAt", "dueAt", "dedupeKey")
      SELECT gen_random_uuid()::text, i."id", i."vaultId", 'interval'::"FlagSource", 'interval',
             'medium'::"FlagPriority", ${now}::timestamp, ${dueAt}::timestamp,
             'interval:' || i."id" || ':' ||
               ((EXTRACT(EPOCH FROM i."secretsChangedAt") * 1000)::bigint)::text
      FROM "Item" i
      JOIN "Vault" v ON v."id" = i."vaultId"
      WHERE COALESCE(i."rotationIntervalDays", v."rotationIntervalDays") IS NOT NULL
        AND i."secretsChangedAt"
            + make_interval(days => COALESCE(i."rotationIntervalDays", v."rotationIntervalDays"))
            <= ${now}::timestamp
        AND NOT EXISTS (
          SELECT 1 FROM "ItemFlag" f WHERE f."itemId" = i."id" AND f."clearedAt" IS NULL)
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING 1
    )
    SELECT COUNT(*)::int AS "count" FROM inserted`;
  return row?.count ?? 0;
}

/** Flags every item in the organisation, high priority: the break-glass lockdown. */
export async function insertLockdownFlags(
  tx: Transaction,
  input: { lockdownAt: Date; dueHours: DueHours },
) {
  const dueAt = hoursLater(input.lockdownAt, input.dueHours.high);
  const prefix = `lockdown:${input.lockdownAt.getTime()}:`;
  const [row] = await tx.$queryRaw<Array<{ count: number }>>`
    WITH inserted AS (
      INSERT INTO "ItemFlag" ("id", "itemId", "vaultId", "source", "reason", "priority",
                              "createdAt", "dueAt", "dedupeKey")
      SELECT gen_random_uuid()::text, i."id", i."vaultId", 'lockdown'::"FlagSource", 'lockdown',
             'high'::"FlagPriority", ${input.lockdownAt}::timestamp, ${dueAt}::timestamp,
             ${prefix}::text || i."id"
      FROM "Item" i
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING 1
    )
    SELECT COUNT(*)::int AS "count" FROM inserted`;
  return row?.count ?? 0;
}

export interface FlagFilter {
  /** null: every vault (admins); otherwise only these. */
  vaultIds: string[] | null;
  personId?: string;
  vaultId?: string;
  priority?: "high" | "medium";
  createdBefore?: Date;
  state: "open" | "cleared" | "all";
}

const flagColumns = {
  id: true,
  itemId: true,
  vaultId: true,
  source: true,
  reason: true,
  priority: true,
  personId: true,
  createdAt: true,
  dueAt: true,
  ownerId: true,
  clearedAt: true,
  clearedHow: true,
  clearNote: true,
} as const;

/** The tracker's list, soonest due first; capped, since a lockdown flags every item. */
export async function listFlags(filter: FlagFilter, limit = 5000) {
  const prisma = await db();
  const vaultScope =
    filter.vaultIds === null
      ? filter.vaultId
        ? { vaultId: filter.vaultId }
        : {}
      : {
          vaultId: {
            in: filter.vaultId
              ? filter.vaultIds.filter((id) => id === filter.vaultId)
              : filter.vaultIds,
          },
        };
  return prisma.itemFlag.findMany({
    where: {
      ...vaultScope,
      ...(filter.personId ? { personId: filter.personId } : {}),
      ...(filter.priority ? { priority: filter.priority } : {}),
      ...(filter.createdBefore ? { createdAt: { lte: filter.createdBefore } } : {}),
      ...(filter.state === "open"
        ? { clearedAt: null }
        : filter.state === "cleared"
          ? { clearedAt: { not: null } }
          : {}),
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: limit,
    select: flagColumns,
  });
}

export async function findFlag(flagId: string) {
  const prisma = await db();
  return prisma.itemFlag.findUnique({ where: { id: flagId }, select: flagColumns });
}

/** Sets (or clears) the owner of an open flag, and its due date when given. */
export async function assignFlag(flagId: string, ownerId: string | null, dueAt?: Date) {
  const prisma = await db();
  const result = await prisma.itemFlag.updateMany({
    where: { id: flagId, clearedAt: null },
    data: { ownerId, ...(dueAt ? { dueAt } : {}) },
  });
  return result.count === 1;
}

/**
 * "Rotated elsewhere": every open flag of the item is cleared with the note, and the item's
 * interval clock restarts, since its secret now has a new value.
 */
export async function markItemRotated(input: { itemId: string; actorId: string; note: string }) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const cleared = await tx.itemFlag.updateMany({
      where: { itemId: input.itemId, clearedAt: null },
      data: {
        clearedAt: now,
        clearedById: input.actorId,
        clearedHow: "marked",
        clearNote: input.note,
      },
    });
    await tx.item.update({
      where: { id: input.itemId },
      data: { secretsChangedAt: now },
      select: { id: true },
    });
    return cleared.count;
  });
}

/**
 * A member saved a new value in a secret field: the item's open flags are cleared and its
 * interval clock restarts. Called inside the item update's own transaction.
 */
export async function clearFlagsForNewValue(
  tx: Transaction,
  input: { itemId: string; actorId: string; at: Date },
) {
  await tx.item.update({
    where: { id: input.itemId },
    data: { secretsChangedAt: input.at },
    select: { id: true },
  });
  const cleared = await tx.itemFlag.updateMany({
    where: { itemId: input.itemId, clearedAt: null },
    data: { clearedAt: input.at, clearedById: input.actorId, clearedHow: "new_value" },
  });
  return cleared.count;
}

export async function setVaultRotationInterval(vaultId: string, days: number | null) {
  const prisma = await db();
  const result = await prisma.vault.updateMany({
    where: { id: vaultId },
    data: { rotationIntervalDays: days },
  });
  return result.count === 1;
}

export async function getVaultRotationInterval(vaultId: string) {
  const prisma = await db();
  return prisma.vault.findUnique({
    where: { id: vaultId },
    select: { rotationIntervalDays: true },
  });
}

export async function setItemRotationInterval(
  vaultId: string,
  itemId: string,
  days: number | null,
) {
  const prisma = await db();
  const result = await prisma.item.updateMany({
    where: { id: itemId, vaultId },
    data: { rotationIntervalDays: days },
  });
  return result.count === 1;
}

export async function getItemRotationInterval(vaultId: string, itemId: string) {
  const prisma = await db();
  return prisma.item.findFirst({
    where: { id: itemId, vaultId },
    select: {
      rotationIntervalDays: true,
      secretsChangedAt: true,
      vault: { select: { rotationIntervalDays: true } },
    },
  });
}

/** The ids of the vaults a person is a member of. */
export async function memberVaultIds(userId: string) {
  const prisma = await db();
  const rows = await prisma.vaultMember.findMany({ where: { userId }, select: { vaultId: true } });
  return rows.map((row) => row.vaultId);
}
