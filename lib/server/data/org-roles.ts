import "server-only";
import { db } from "../db";
import type { OrgRole } from "@/lib/api/account";

/** The person an org-rank rule is judged against: who they are and where they stand. */
export async function findRankedUser(userId: string) {
  const prisma = await db();
  return prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, status: true },
  });
}

/**
 * Changes a role only if it is still `from`: two admins acting at once cannot turn a refused
 * change into an accepted one. False when the person or their role moved meanwhile.
 */
export async function setUserRole(userId: string, from: OrgRole, to: "admin" | "member") {
  const prisma = await db();
  const result = await prisma.user.updateMany({
    where: { id: userId, role: from },
    data: { role: to },
  });
  return result.count === 1;
}

class OwnershipMoved extends Error {}

/**
 * In one transaction the owner becomes an admin and the new owner, still an active admin,
 * takes their place: there is never no owner, nor two. False when either side changed
 * meanwhile (nothing is written then).
 */
export async function transferOwnership(ownerId: string, newOwnerId: string) {
  const prisma = await db();
  try {
    await prisma.$transaction(async (tx) => {
      const demoted = await tx.user.updateMany({
        where: { id: ownerId, role: "owner", status: "active" },
        data: { role: "admin" },
      });
      const promoted = await tx.user.updateMany({
        where: { id: newOwnerId, role: "admin", status: "active" },
        data: { role: "owner" },
      });
      if (demoted.count !== 1 || promoted.count !== 1) throw new OwnershipMoved();
    });
    return true;
  } catch (error) {
    if (error instanceof OwnershipMoved) return false;
    throw error;
  }
}
