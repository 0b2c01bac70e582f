import "server-only";
import { db } from "../db";
import type { RekeyServiceAccountRequest } from "@/lib/api/service-account-rekey";
import { lockVaultKeyVersion } from "./vaults";

export type RekeyOutcome =
  | { outcome: "rekeyed"; revokedTokens: number }
  | { outcome: "stale_trust" }
  | { outcome: "stale_key"; vaultId: string };

/** Thrown inside the transaction to undo what it wrote; never leaves this module. */
class RekeyAborted extends Error {
  constructor(readonly result: Exclude<RekeyOutcome, { outcome: "rekeyed" }>) {
    super(result.outcome);
  }
}

/**
 * One transaction or nothing: the account's keys and trusted granters replaced (compare-and-swap
 * on the trusted-granters revision, so a concurrent re-key or grant gets 409), every token of
 * the account revoked — their wrapped saKey is the old one — the managers replaced by those
 * holding the new saKey, every grant to the old box key deleted and the re-made ones written at
 * their vault's current key version, and the flag cleared.
 */
export async function replaceServiceAccountKeys(input: {
  serviceAccountId: string;
  request: RekeyServiceAccountRequest;
  actorId: string;
}): Promise<RekeyOutcome> {
  const { serviceAccountId, request, actorId } = input;
  const prisma = await db();
  try {
    return await prisma.$transaction(async (tx) => {
      const now = new Date();
      const swapped = await tx.serviceAccount.updateMany({
        where: { id: serviceAccountId, trustedGrantersRevision: request.baseRevision },
        data: {
          ...request.keys,
          trustedGranters: request.trustedGranters,
          trustedGrantersRevision: request.baseRevision + 1,
          flaggedAt: null,
          flagReason: null,
        },
      });
      if (swapped.count !== 1) throw new RekeyAborted({ outcome: "stale_trust" });
      const revoked = await tx.machineToken.updateMany({
        where: { serviceAccountId, revokedAt: null },
        data: { revokedAt: now, revokedReason: "rekey" },
      });
      await tx.serviceAccountManager.deleteMany({ where: { serviceAccountId } });
      await tx.serviceAccountManager.createMany({
        data: request.managers.map((manager) => ({
          serviceAccountId,
          userId: manager.userId,
          sealedSaKey: manager.sealedSaKey,
          addedById: actorId,
        })),
      });
      await tx.serviceAccountGrant.deleteMany({ where: { serviceAccountId } });
      for (const { vaultId, ...grant } of request.grants) {
        if ((await lockVaultKeyVersion(tx, vaultId)) !== grant.keyVersion) {
          throw new RekeyAborted({ outcome: "stale_key", vaultId });
        }
        await tx.serviceAccountGrant.create({
          data: { vaultId, serviceAccountId, granterId: actorId, ...grant },
          select: { vaultId: true },
        });
      }
      return { outcome: "rekeyed" as const, revokedTokens: revoked.count };
    });
  } catch (error) {
    if (error instanceof RekeyAborted) return error.result;
    throw error;
  }
}
