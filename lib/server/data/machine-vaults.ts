import "server-only";
import { db } from "../db";
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
}

export interface MachineItemRow {
  id: string;
  vaultId: string;
  keyVersion: number;
  revision: number;
  ciphertext: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The vaults a token's scope covers, with the account's grant at each vault's current key
 * version (a grant left at an older version opens nothing current), and their items: two plain
 * statements, the account's keys having come with the token itself.
 */
export async function loadMachineVaults(input: {
  serviceAccountId: string;
  /** Empty: every granted vault. */
  vaultIds: string[];
}) {
  const prisma = await db();
  const scoped = input.vaultIds.length > 0;
  const vaults = await prisma.$queryRaw<MachineVaultRow[]>`
    SELECT v."id", v."encryptedName", v."environment"::text AS "environment", v."keyVersion",
           g."scope"::text AS "scope", g."boxPublicKey", g."sealedKey", g."signature",
           g."granterId"
    FROM "ServiceAccountGrant" g JOIN "Vault" v
      ON v."id" = g."vaultId" AND v."keyVersion" = g."keyVersion"
    WHERE g."serviceAccountId" = ${input.serviceAccountId}
      AND (${!scoped} OR v."id" = ANY(${input.vaultIds}::text[]))
    ORDER BY v."createdAt" ASC`;
  const items = vaults.length
    ? await prisma.$queryRaw<MachineItemRow[]>`
        SELECT "id", "vaultId", "keyVersion", "revision", "ciphertext", "createdAt", "updatedAt"
        FROM "Item" WHERE "vaultId" = ANY(${vaults.map((vault) => vault.id)}::text[])
        ORDER BY "createdAt" ASC, "id" ASC`
    : [];
  return { vaults, items };
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
