import "server-only";
import { db } from "../db";
import { isUniqueViolation } from "./organization";

/** False when the person manages the account already. */
export async function insertServiceAccountManager(input: {
  serviceAccountId: string;
  userId: string;
  sealedSaKey: string;
  addedById: string;
}): Promise<boolean> {
  const prisma = await db();
  try {
    await prisma.serviceAccountManager.create({ data: input, select: { userId: true } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Removes one manager's sealed copy and flags the account: the person may have kept saKey, so
 * the account is re-keyed as when a manager leaves the organisation. Refused when the
 * person is the last manager: nobody could mint tokens or re-key it afterwards.
 */
export async function deleteServiceAccountManager(
  serviceAccountId: string,
  userId: string,
): Promise<"removed" | "not_manager" | "last_manager"> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    // The account row is locked so two removals cannot each leave the other as the last one.
    await tx.$queryRaw`SELECT "id" FROM "ServiceAccount" WHERE "id" = ${serviceAccountId} FOR UPDATE`;
    const managers = await tx.serviceAccountManager.findMany({
      where: { serviceAccountId },
      select: { userId: true },
    });
    if (!managers.some((manager) => manager.userId === userId)) return "not_manager";
    if (managers.length === 1) return "last_manager";
    await tx.serviceAccountManager.delete({
      where: { serviceAccountId_userId: { serviceAccountId, userId } },
      select: { userId: true },
    });
    await tx.serviceAccount.updateMany({
      where: { id: serviceAccountId, flaggedAt: null },
      data: { flaggedAt: new Date(), flagReason: "manager_removed" },
    });
    return "removed";
  });
}
