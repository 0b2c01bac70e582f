import "server-only";
import { db, queryRows } from "../db";
import { isUniqueViolation } from "./organization";
import { itemJson } from "./item-json";
import { lockVaultKeyVersion, VaultConflictError } from "./vaults";
import { clearFlagsForNewValue } from "./flags";

// Every write names the key version and revision it was made against, so a write based on
// stale data (or under a rotated-away key) is refused with a conflict instead of clobbering.

export async function createItem(input: {
  vaultId: string;
  itemId: string;
  keyVersion: number;
  ciphertext: string;
  authorId: string;
}) {
  const prisma = await db();
  try {
    return await prisma.$transaction(async (tx) => {
      if ((await lockVaultKeyVersion(tx, input.vaultId)) !== input.keyVersion) {
        throw new VaultConflictError("The vault key changed; reload and retry.");
      }
      const item = await tx.item.create({
        data: {
          id: input.itemId,
          vaultId: input.vaultId,
          keyVersion: input.keyVersion,
          revision: 1,
          ciphertext: input.ciphertext,
          createdById: input.authorId,
          updatedById: input.authorId,
          revisions: {
            create: {
              revision: 1,
              keyVersion: input.keyVersion,
              ciphertext: input.ciphertext,
              authorId: input.authorId,
            },
          },
        },
        select: itemSelect,
      });
      return item;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new VaultConflictError("An item with this id exists.");
    throw error;
  }
}

const itemSelect = {
  id: true,
  keyVersion: true,
  revision: true,
  ciphertext: true,
  createdAt: true,
  updatedAt: true,
} as const;

export async function updateItem(input: {
  vaultId: string;
  itemId: string;
  keyVersion: number;
  baseRevision: number;
  ciphertext: string;
  authorId: string;
  /** The client says a secret field has a new value: the item's rotation flags clear. */
  secretsChanged?: boolean;
}) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    if ((await lockVaultKeyVersion(tx, input.vaultId)) !== input.keyVersion) {
      throw new VaultConflictError("The vault key changed; reload and retry.");
    }
    const revision = input.baseRevision + 1;
    const updated = await tx.item.updateMany({
      where: { id: input.itemId, vaultId: input.vaultId, revision: input.baseRevision },
      data: {
        revision,
        keyVersion: input.keyVersion,
        ciphertext: input.ciphertext,
        updatedById: input.authorId,
      },
    });
    if (updated.count !== 1) {
      const exists = await tx.item.count({ where: { id: input.itemId, vaultId: input.vaultId } });
      if (!exists) return null;
      throw new VaultConflictError("Someone saved this item meanwhile; reload to see it.");
    }
    await tx.itemRevision.create({
      data: {
        itemId: input.itemId,
        revision,
        keyVersion: input.keyVersion,
        ciphertext: input.ciphertext,
        authorId: input.authorId,
      },
    });
    const flagsCleared = input.secretsChanged
      ? await clearFlagsForNewValue(tx, {
          itemId: input.itemId,
          actorId: input.authorId,
          at: new Date(),
        })
      : 0;
    const item = await tx.item.findUniqueOrThrow({
      where: { id: input.itemId },
      select: itemSelect,
    });
    return { ...item, flagsCleared };
  });
}

export async function deleteItem(vaultId: string, itemId: string) {
  const prisma = await db();
  const result = await prisma.item.deleteMany({ where: { id: itemId, vaultId } });
  return result.count === 1;
}

export async function findItem(vaultId: string, itemId: string) {
  const prisma = await db();
  return prisma.item.findFirst({ where: { id: itemId, vaultId }, select: itemSelect });
}

export async function listItemRevisions(vaultId: string, itemId: string) {
  const prisma = await db();
  const item = await prisma.item.findFirst({
    where: { id: itemId, vaultId },
    select: {
      revisions: {
        orderBy: { revision: "desc" },
        select: {
          revision: true,
          keyVersion: true,
          ciphertext: true,
          authorId: true,
          createdAt: true,
        },
      },
    },
  });
  return item?.revisions ?? null;
}

/** Every stored revision of every item in a vault: what a rotation must re-encrypt. */
export async function listVaultRevisions(vaultId: string) {
  const prisma = await db();
  return prisma.itemRevision.findMany({
    where: { item: { vaultId } },
    orderBy: [{ itemId: "asc" }, { revision: "asc" }],
    select: { itemId: true, revision: true, keyVersion: true, ciphertext: true },
  });
}

/** An item page as the API's `itemPageResponse` JSON, the items' text passed through as written. */
export function itemPageText(page: { itemsJson: string; next: string | null }): string {
  return `{"items":${page.itemsJson},"next":${JSON.stringify(page.next)}}`;
}

/**
 * One page of a vault's current items in id order, from just after `after`, as the JSON text
 * of its `items` array in the API's item shape, written by the database in one statement: a
 * 2,000-item page costs no per-row work here, only text passed through. Null when `userId` is
 * not a member of the vault. Whether another page follows is one index probe past the page's
 * last item, not a count. The items' JSON is item-json.ts's, as the vault and machine reads write it.
 */
export async function listItemPageJson(
  vaultId: string,
  userId: string,
  after: string | undefined,
  limit: number,
): Promise<{ itemsJson: string; next: string | null } | null> {
  // The membership rule is the statement's own (any member may read, as canReadVault): no row
  // for anyone else, and nothing of the vault read for them (docs/decisions/0067).
  const rows = await queryRows<{ items: string; lastId: string | null; more: boolean }>`
    SELECT '[' || COALESCE(a."items", '') || ']' AS "items", a."lastId",
           EXISTS (
             SELECT 1 FROM "Item" n WHERE n."vaultId" = ${vaultId} AND n."id" > a."lastId"
           ) AS "more"
    FROM (
      SELECT string_agg(${itemJson("p")}, ',' ORDER BY p."id") AS "items",
             max(p."id") AS "lastId"
      FROM (
        SELECT i."id", i."keyVersion", i."revision", i."ciphertext", i."createdAt", i."updatedAt"
        FROM "Item" i
        -- Every id sorts after the empty string: one range condition the (vaultId, id) index serves.
        WHERE i."vaultId" = ${vaultId} AND i."id" > ${after ?? ""}::text
        ORDER BY i."id" ASC
        LIMIT ${limit}::int
      ) p
    ) a
    WHERE EXISTS (
      SELECT 1 FROM "VaultMember" m WHERE m."vaultId" = ${vaultId} AND m."userId" = ${userId}
    )`;
  const row = rows[0];
  if (!row) return null;
  return { itemsJson: row.items, next: row.more ? row.lastId : null };
}
