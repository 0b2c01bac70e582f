import "server-only";
import type { Prisma } from "../generated/prisma/client";

type Transaction = Prisma.TransactionClient;

// The seam for machine tokens and one-time share links (DESIGN.md, key hierarchy items 12
// and 13), which do not exist yet. Offboarding and lockdown already call these inside their
// transactions and report the counts; when the tables arrive, these functions revoke or
// suspend rows in them and nothing else has to change.

export interface MachineAccessCounts {
  machineTokens: number;
  shareLinks: number;
}

const nothingYet = async (): Promise<MachineAccessCounts> => ({ machineTokens: 0, shareLinks: 0 });

/** Revokes the machine tokens and share links a departing person created. */
export const revokeMachineAccessOf: (
  tx: Transaction,
  userId: string,
) => Promise<MachineAccessCounts> = nothingYet;

/** Suspends every machine token and share link in the organisation (lockdown). */
export const suspendAllMachineAccess: (tx: Transaction) => Promise<MachineAccessCounts> =
  nothingYet;
