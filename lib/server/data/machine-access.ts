import "server-only";
import type { Prisma } from "../generated/prisma/client";

type Transaction = Prisma.TransactionClient;

// Offboarding and lockdown call these inside their own transactions and report the counts.
// One-time share links (DESIGN.md, key hierarchy item 13) do not exist yet: they count zero
// here until their table arrives, and nothing else has to change.

export interface MachineAccessCounts {
  machineTokens: number;
  serviceAccountsFlagged: number;
  shareLinks: number;
}

const live = { revokedAt: null, suspendedAt: null } as const;

/**
 * A departing person: every token they created, or that descends from one they created
 * (bootstrap tokens a minting token made, the session tokens those were exchanged for), is
 * revoked, and every service account they managed or minted for is flagged for re-keying, since
 * they held its saKey and could mint for it again from a copy.
 */
export async function revokeMachineAccessOf(
  tx: Transaction,
  userId: string,
): Promise<MachineAccessCounts & { serviceAccountIds: string[] }> {
  const now = new Date();
  const tokens = await tx.machineToken.updateMany({
    where: { createdById: userId, ...live },
    data: { revokedAt: now, revokedReason: "offboarding" },
  });
  // Every such account needs a re-key, even one already flagged for another reason: the
  // offboarding report lists them all (an earlier flag's reason is kept).
  const accounts = await tx.serviceAccount.findMany({
    where: {
      OR: [{ managers: { some: { userId } } }, { tokens: { some: { createdById: userId } } }],
    },
    select: { id: true },
  });
  const serviceAccountIds = accounts.map((account) => account.id);
  const flagged = await tx.serviceAccount.updateMany({
    where: { id: { in: serviceAccountIds }, flaggedAt: null },
    data: { flaggedAt: now, flagReason: "manager_left" },
  });
  return {
    machineTokens: tokens.count,
    serviceAccountsFlagged: flagged.count,
    shareLinks: 0,
    serviceAccountIds,
  };
}

/**
 * Lockdown: every live token stops at once. Lifting the lockdown does not bring them back —
 * a lockdown means credentials may be compromised, so machines get new tokens afterwards.
 */
export async function suspendAllMachineAccess(tx: Transaction): Promise<MachineAccessCounts> {
  const tokens = await tx.machineToken.updateMany({
    where: live,
    data: { suspendedAt: new Date() },
  });
  return { machineTokens: tokens.count, serviceAccountsFlagged: 0, shareLinks: 0 };
}
