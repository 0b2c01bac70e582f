import "server-only";
import { db, queryRows } from "../db";
import { itemJson } from "./item-json";
import { lockVaultKeyVersion } from "./vaults";

export interface MachineVaultRow {
  id: string;
  encryptedName: string;
  environment: "development" | "staging" | "production" | "other" | null;
  keyVersion: number;
  scope: "read" | "readwrite";
  boxPublicKey: string;
  sealedKey: string;
  signature: string;
  granterId: string;
  /** Oldest first, as the JSON text of an array in the API's item shape. */
  itemsJson: string;
}

/**
 * The vaults a token's scope covers, with the account's grant at each vault's current key
 * version (a grant left at an older version opens nothing current), and their items: one
 * statement, the account's keys having come with the token itself. Each vault's items come as
 * one JSON array in the API's item shape (timestamps as `Date#toISOString` writes them, which
 * is how Prisma reads these UTC columns), passed through as text: a large vault costs no
 * per-row work here.
 */
export async function loadMachineVaults(input: {
  serviceAccountId: string;
  /** Empty: every granted vault. */
  vaultIds: string[];
}): Promise<MachineVaultRow[]> {
  const scoped = input.vaultIds.length > 0;
  return queryRows<MachineVaultRow>`
    SELECT v."id", v."encryptedName", v."environment"::text AS "environment", v."keyVersion",
           g."scope"::text AS "scope", g."boxPublicKey", g."sealedKey", g."signature",
           g."granterId",
           '[' || COALESCE((
             SELECT string_agg(${itemJson("i")}, ',' ORDER BY i."createdAt" ASC, i."id" ASC)
             FROM "Item" i WHERE i."vaultId" = v."id"
           ), '') || ']' AS "itemsJson"
    FROM "ServiceAccountGrant" g JOIN "Vault" v
      ON v."id" = g."vaultId" AND v."keyVersion" = g."keyVersion"
    WHERE g."serviceAccountId" = ${input.serviceAccountId}
      AND (${!scoped} OR v."id" = ANY(${input.vaultIds}::text[]))
    ORDER BY v."createdAt" ASC`;
}

/** The account's live grant to one vault (at its current key version), if any. */
export async function findMachineGrant(serviceAccountId: string, vaultId: string) {
  const prisma = await db();
  const rows = await prisma.$queryRaw<Array<{ scope: "read" | "readwrite"; keyVersion: number }>>`
    SELECT g."scope"::text AS "scope", g."keyVersion"
    FROM "ServiceAccountGrant" g JOIN "Vault" v
      ON v."id" = g."vaultId" AND v."keyVersion" = g."keyVersion"
    WHERE g."serviceAccountId" = ${serviceAccountId} AND g."vaultId" = ${vaultId}`;
  return rows[0] ?? null;
}

/**
 * A vault manager's grant to a service account, at the vault's current key version (read
 * under the rotation lock, so it cannot land under a key a rotation is replacing). The trusted
 * granters list, when given, is replaced only if nobody changed it meanwhile.
 */
export async function insertMachineGrant(input: {
  vaultId: string;
  serviceAccountId: string;
  granterId: string;
  grant: {
    keyVersion: number;
    scope: "read" | "readwrite";
    boxPublicKey: string;
    sealedKey: string;
    signature: string;
  };
  trustedGranters?: { envelope: string; baseRevision: number };
}): Promise<"granted" | "stale_key" | "stale_trust"> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    if ((await lockVaultKeyVersion(tx, input.vaultId)) !== input.grant.keyVersion) {
      return "stale_key";
    }
    if (input.trustedGranters) {
      const updated = await tx.serviceAccount.updateMany({
        where: {
          id: input.serviceAccountId,
          trustedGrantersRevision: input.trustedGranters.baseRevision,
        },
        data: {
          trustedGranters: input.trustedGranters.envelope,
          trustedGrantersRevision: input.trustedGranters.baseRevision + 1,
        },
      });
      if (updated.count !== 1) return "stale_trust";
    }
    await tx.serviceAccountGrant.upsert({
      where: {
        vaultId_serviceAccountId_keyVersion: {
          vaultId: input.vaultId,
          serviceAccountId: input.serviceAccountId,
          keyVersion: input.grant.keyVersion,
        },
      },
      create: {
        vaultId: input.vaultId,
        serviceAccountId: input.serviceAccountId,
        granterId: input.granterId,
        ...input.grant,
      },
      update: { granterId: input.granterId, ...input.grant },
    });
    return "granted";
  });
}
