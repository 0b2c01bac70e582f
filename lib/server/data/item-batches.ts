import "server-only";
import { db } from "../db";
import { isUniqueViolation } from "./organization";
import { lockVaultKeyVersion, VaultConflictError } from "./vaults";

export type BatchItem = { id: string; ciphertext: string; history: string[] };

/**
 * Many new items in one transaction: one lock on the vault's key version and two multi-row
 * inserts (items, then every revision), not a round trip per item. Item i is at revision
 * history.length + 1, and every revision is stored, the current one included, as a single
 * create stores revision 1. All or nothing: a conflict leaves no item of the batch behind.
 */
export async function createItemBatch(input: {
  vaultId: string;
  keyVersion: number;
  authorId: string;
  items: BatchItem[];
}): Promise<Array<{ id: string; revision: number }>> {
  const { vaultId, keyVersion, authorId } = input;
  const prisma = await db();
  try {
    return await prisma.$transaction(
      async (tx) => {
        if ((await lockVaultKeyVersion(tx, vaultId)) !== keyVersion) {
          throw new VaultConflictError("The vault key changed; reload and retry.");
        }
        await tx.item.createMany({
          data: input.items.map((item) => ({
            id: item.id,
            vaultId,
            keyVersion,
            revision: item.history.length + 1,
            ciphertext: item.ciphertext,
            createdById: authorId,
            updatedById: authorId,
          })),
        });
        await tx.itemRevision.createMany({
          data: input.items.flatMap((item) =>
            [...item.history, item.ciphertext].map((ciphertext, index) => ({
              itemId: item.id,
              revision: index + 1,
              keyVersion,
              ciphertext,
              authorId,
            })),
          ),
        });
        return input.items.map((item) => ({ id: item.id, revision: item.history.length + 1 }));
      },
      // A full batch is a few megabytes of inserts: more than the default 5 s on a busy machine.
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new VaultConflictError("An item with one of these ids exists already.");
    }
    throw error;
  }
}
