import "server-only";
import { db } from "../db";
import { isUniqueViolation } from "./organization";
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

/**
 * One page of a vault's current items in id order, from just after `after`. One row more than
 * asked is read, so the caller knows whether another page follows without a count.
 */
export async function listItemPage(vaultId: string, after: string | undefined, limit: number) {
  const prisma = await db();
  const rows = await prisma.item.findMany({
    where: { vaultId, ...(after ? { id: { gt: after } } : {}) },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: itemSelect,
  });
  const items = rows.slice(0, limit);
  return { items, next: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
