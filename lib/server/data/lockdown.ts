import "server-only";
import { db } from "../db";
import { insertLockdownFlags, type DueHours } from "./flags";
import { suspendAllMachineAccess } from "./machine-access";

export async function getLockdown() {
  const prisma = await db();
  return prisma.organization.findFirst({
    select: { id: true, lockdownAt: true, lockdownById: true, lockdownAdminIds: true },
  });
}

/** For sign-in: one indexed read of the singleton organisation. */
export async function isLockedDown() {
  return (await getLockdown())?.lockdownAt != null;
}

/**
 * Break-glass, in one transaction: the organisation marked locked down (only if it was not,
 * so two admins pressing at once make one lockdown) with the owners and admins active at that
 * moment, every session but `keepSessionId` revoked, machine access suspended, every item
 * flagged. Null when already locked down.
 */
export async function applyLockdown(input: {
  adminId: string;
  keepSessionId: string;
  dueHours: DueHours;
}) {
  const prisma = await db();
  return prisma.$transaction(
    async (tx) => {
      const lockdownAt = new Date();
      const admins = await tx.user.findMany({
        where: { status: "active", role: { in: ["owner", "admin"] } },
        select: { id: true },
      });
      const marked = await tx.organization.updateMany({
        where: { lockdownAt: null },
        data: {
          lockdownAt,
          lockdownById: input.adminId,
          lockdownAdminIds: admins.map((admin) => admin.id),
        },
      });
      if (marked.count !== 1) return null;
      const sessions = await tx.session.updateMany({
        where: { revokedAt: null, id: { not: input.keepSessionId } },
        data: { revokedAt: lockdownAt },
      });
      const machine = await suspendAllMachineAccess(tx);
      const itemsFlagged = await insertLockdownFlags(tx, { lockdownAt, dueHours: input.dueHours });
      return {
        lockdownAt,
        sessionsRevoked: sessions.count,
        machineTokensSuspended: machine.machineTokens,
        shareLinksSuspended: machine.shareLinks,
        itemsFlagged,
      };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** Lifts the lockdown that started at `startedAt` (not a later one); false when none is on. */
export async function clearLockdown(startedAt: Date) {
  const prisma = await db();
  const result = await prisma.organization.updateMany({
    where: { lockdownAt: startedAt },
    data: { lockdownAt: null, lockdownById: null, lockdownAdminIds: [] },
  });
  return result.count === 1;
}

/** Active owners and admins other than `userId`. */
export async function countOtherActiveAdmins(userId: string) {
  const prisma = await db();
  return prisma.user.count({
    where: { id: { not: userId }, status: "active", role: { in: ["owner", "admin"] } },
  });
}
