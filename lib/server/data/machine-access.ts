import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { freezeAllShareLinks, revokeShareLinksOfCreator } from "./share-links";

type Transaction = Prisma.TransactionClient;
type ShareLinkReportEntry = Awaited<ReturnType<typeof revokeShareLinksOfCreator>>["links"][number];

// Offboarding and lockdown call these inside their own transactions and report the counts:
// machine tokens and one-time share links (DESIGN.md, key hierarchy item 13) are the access
// that outlives a session, so they stop together.

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
 * they held its saKey and could mint for it again from a copy. Every live share link they made
 * is revoked too (its ciphertext deleted); the ids go into the offboarding report.
 */
export async function revokeMachineAccessOf(
  tx: Transaction,
  userId: string,
): Promise<
  MachineAccessCounts & {
    serviceAccountIds: string[];
    shareLinks: number;
    shareLinkReport: ShareLinkReportEntry[];
  }
> {
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
  const links = await revokeShareLinksOfCreator(tx, userId, now);
  return {
    machineTokens: tokens.count,
    serviceAccountsFlagged: flagged.count,
    shareLinks: links.revoked,
    serviceAccountIds,
    shareLinkReport: links.links,
  };
}

/**
 * Lockdown: every live token stops at once and every live share link is frozen. Lifting the
 * lockdown brings neither back — a lockdown means credentials may be compromised, so machines
 * get new tokens and senders make new links afterwards (docs/decisions/0039).
 */
export async function suspendAllMachineAccess(tx: Transaction): Promise<MachineAccessCounts> {
  const now = new Date();
  const tokens = await tx.machineToken.updateMany({
    where: live,
    data: { suspendedAt: now },
  });
  const shareLinks = await freezeAllShareLinks(tx, now);
  return { machineTokens: tokens.count, serviceAccountsFlagged: 0, shareLinks };
}
