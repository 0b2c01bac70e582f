import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { completeAutomaticSteps } from "../data/checklists";
import { conflict } from "../errors";
import { refreshOffboardingReports } from "./report";

/**
 * Ties a vault rotation to the offboardings it serves, inside the rotation's own transaction:
 * a rotation may not seal the new key to someone being offboarded (their re-key must remove
 * them, or the key they were meant to lose is handed back), and when it removes people, the
 * open re-key steps of their offboardings for this vault are marked done, so a committed
 * rotation never leaves its step pending. The runs' reports are refreshed after commit.
 */
export function offboardingRekeySteps(
  vaultId: string,
  batch: { removeUserIds: string[]; grants: Array<{ userId: string }> },
  actorId: string,
) {
  const touchedRuns: string[] = [];
  return {
    async inTransaction(tx: Prisma.TransactionClient) {
      const departing = await tx.checklistRun.count({
        where: {
          kind: "offboarding",
          status: "open",
          subjectUserId: { in: batch.grants.map((grant) => grant.userId) },
        },
      });
      if (departing > 0) {
        throw conflict(
          "Someone in this vault is being offboarded: remove them in this rotation.",
          "member_offboarding",
        );
      }
      if (batch.removeUserIds.length === 0) return;
      touchedRuns.push(
        ...(await completeAutomaticSteps(
          {
            action: "rotate_vault",
            kind: "offboarding",
            subjectUserIds: batch.removeUserIds,
            vaultId,
          },
          actorId,
          tx,
        )),
      );
    },
    async afterCommit() {
      await refreshOffboardingReports(touchedRuns);
    },
  };
}
