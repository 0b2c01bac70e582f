import "server-only";
import { db, queryRows } from "../db";
import type {
  CreateVaultRequest,
  GrantInput,
  ItemDto,
  RotateVaultRequest,
  UpdateVaultRequest,
  VaultRoleDto,
} from "@/lib/api/vault";
import { isUniqueViolation } from "./organization";
import { itemJson } from "./item-json";
import { badRequest, HttpError } from "../errors";
import type { Prisma } from "../generated/prisma/client";

/** Stale or racing writes: answered 409 so the client reloads and retries from fresh data. */
export class VaultConflictError extends HttpError {
  constructor(reason: string) {
    super(409, "conflict", reason);
    this.name = "VaultConflictError";
  }
}

type Transaction = Prisma.TransactionClient;

/**
 * The vault's key version, read with a share lock held to the end of the transaction.
 * DO NOT replace with a plain read: a rotation updates this row first, so every write that is
 * only valid at one key version (items, grants) must wait for a rotation in flight and then see
 * its outcome. A plain read lets such a write check version k, wait on the rotation's row locks,
 * and then commit under key k after the vault moved to k+1 — a ciphertext that the removed
 * member's old key still opens, or a revision the rotation never re-encrypted.
 */
export async function lockVaultKeyVersion(tx: Transaction, vaultId: string) {
  const rows = await tx.$queryRaw<Array<{ keyVersion: number }>>`
    SELECT "keyVersion" FROM "Vault" WHERE "id" = ${vaultId} FOR SHARE`;
  return rows[0]?.keyVersion ?? null;
}

const bundleSelect = {
  id: true,
  email: true,
  name: true,
  signPublicKey: true,
  boxPublicKey: true,
  bundleSignature: true,
} as const;

export async function findMembership(vaultId: string, userId: string) {
  const prisma = await db();
  return prisma.vaultMember.findUnique({
    where: { vaultId_userId: { vaultId, userId } },
    select: { role: true },
  });
}

export async function listDirectory() {
  const prisma = await db();
  return prisma.user.findMany({
    where: { status: "active" },
    orderBy: { name: "asc" },
    select: bundleSelect,
  });
}

export async function findBundle(userId: string) {
  const prisma = await db();
  return prisma.user.findUnique({
    where: { id: userId },
    select: { ...bundleSelect, status: true },
  });
}

/** Identity and box public keys of the given people, for checking grants in one query. */
export async function findGrantKeys(userIds: string[]) {
  const prisma = await db();
  return prisma.user.findMany({
    where: { id: { in: [...new Set(userIds)] } },
    select: { id: true, signPublicKey: true, boxPublicKey: true },
  });
}

/** Vaults the user is a member of, each with the user's grant at the current key version. */
export async function listVaultsForUser(userId: string) {
  const prisma = await db();
  const memberships = await prisma.vaultMember.findMany({
    where: { userId },
    select: {
      role: true,
      vault: {
        select: {
          id: true,
          encryptedName: true,
          environment: true,
          keyVersion: true,
          updatedAt: true,
          _count: { select: { items: true, members: true } },
        },
      },
    },
  });
  const grants = await prisma.vaultKeyGrant.findMany({
    where: { userId, vaultId: { in: memberships.map((membership) => membership.vault.id) } },
  });
  const granters = await prisma.user.findMany({
    where: { id: { in: [...new Set(grants.map((grant) => grant.granterId))] } },
    select: bundleSelect,
  });
  return { memberships, grants, granters };
}

interface VaultDetailRow {
  id: string;
  encryptedName: string;
  environment: "development" | "staging" | "production" | "other" | null;
  keyVersion: number;
  updatedAt: Date;
  /** JSON arrays, parsed below: one statement instead of one per relation. */
  members: string;
  grants: string;
  people: string;
  /** The items' JSON array in the API's item shape; null when they were counted instead. */
  items: string | null;
  itemCount: number | null;
}

/**
 * A vault with its members, the grants at its current key version, the public bundles of every
 * member and granter, and its items, in one statement, for a member of it only: a caller who
 * is not in the vault gets null and nothing is read for them (docs/decisions/0052, 0067). The
 * items come as the database wrote them in the API's item shape (timestamps as
 * `Date#toISOString` writes them, as lib/server/data/machine-vaults.ts does).
 * `withItems: false` counts the items instead of reading them (their pages come separately).
 */
export async function getVaultDetail(vaultId: string, userId: string, withItems = true) {
  const rows = await queryRows<VaultDetailRow>`
    SELECT v."id", v."encryptedName", v."environment"::text AS "environment", v."keyVersion",
           v."updatedAt",
           COALESCE((
             SELECT json_agg(json_build_object('userId', m."userId", 'role', m."role")
                    ORDER BY m."createdAt" ASC, m."userId" ASC)
             FROM "VaultMember" m WHERE m."vaultId" = v."id"
           ), '[]')::text AS "members",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'vaultId', g."vaultId", 'userId', g."userId", 'keyVersion', g."keyVersion",
                      'role', g."role", 'memberBoxPublicKey', g."memberBoxPublicKey",
                      'sealedKey', g."sealedKey", 'signature', g."signature",
                      'granterId', g."granterId"))
             FROM "VaultKeyGrant" g WHERE g."vaultId" = v."id" AND g."keyVersion" = v."keyVersion"
           ), '[]')::text AS "grants",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'id', u."id", 'email', u."email", 'name', u."name",
                      'signPublicKey', u."signPublicKey", 'boxPublicKey', u."boxPublicKey",
                      'bundleSignature', u."bundleSignature"))
             FROM "User" u
             WHERE u."id" IN (
               SELECT m."userId" FROM "VaultMember" m WHERE m."vaultId" = v."id"
               UNION
               SELECT g."granterId" FROM "VaultKeyGrant" g
               WHERE g."vaultId" = v."id" AND g."keyVersion" = v."keyVersion")
           ), '[]')::text AS "people",
           CASE WHEN ${withItems} THEN '[' || COALESCE((
             SELECT string_agg(${itemJson("i")}, ',' ORDER BY i."createdAt" ASC, i."id" ASC)
             FROM "Item" i WHERE i."vaultId" = v."id"
           ), '') || ']' END AS "items",
           CASE WHEN ${withItems} THEN NULL
                ELSE (SELECT count(*) FROM "Item" i WHERE i."vaultId" = v."id")::int END
             AS "itemCount"
    FROM "Vault" v
    WHERE v."id" = ${vaultId}
      AND EXISTS (SELECT 1 FROM "VaultMember" m WHERE m."vaultId" = v."id" AND m."userId" = ${userId})`;
  const row = rows[0];
  if (!row) return null;
  const items = row.items === null ? [] : (JSON.parse(row.items) as ItemDto[]);
  const vault = {
    id: row.id,
    encryptedName: row.encryptedName,
    environment: row.environment,
    keyVersion: row.keyVersion,
    updatedAt: row.updatedAt,
    members: JSON.parse(row.members) as Array<{ userId: string; role: VaultRoleDto }>,
    items,
    itemCount: row.itemCount ?? items.length,
  };
  const grants = JSON.parse(row.grants) as VaultGrantRow[];
  const people = JSON.parse(row.people) as Array<{
    id: string;
    email: string;
    name: string;
    signPublicKey: string;
    boxPublicKey: string;
    bundleSignature: string;
  }>;
  return { vault, grants, people, userId };
}

interface VaultGrantRow {
  vaultId: string;
  userId: string;
  keyVersion: number;
  role: VaultRoleDto;
  memberBoxPublicKey: string;
  sealedKey: string;
  signature: string;
  granterId: string;
}

export async function createVault(input: CreateVaultRequest & { orgId: string; userId: string }) {
  const prisma = await db();
  try {
    await prisma.$transaction(async (tx) => {
      await tx.vault.create({
        data: {
          id: input.id,
          orgId: input.orgId,
          encryptedName: input.encryptedName,
          environment: input.environment,
          keyVersion: input.grant.keyVersion,
          createdById: input.userId,
          members: { create: { userId: input.userId, role: "manage", addedById: input.userId } },
          grants: { create: grantRow(input.userId, input.userId, input.grant) },
        },
        select: { id: true },
      });
      await tx.keyGrantHistory.create({
        data: { vaultId: input.id, userId: input.userId, keyVersion: input.grant.keyVersion },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new VaultConflictError("A vault with this id exists.");
    throw error;
  }
}

function grantRow(userId: string, granterId: string, grant: GrantInput) {
  return {
    userId,
    granterId,
    keyVersion: grant.keyVersion,
    role: grant.role,
    memberBoxPublicKey: grant.memberBoxPublicKey,
    sealedKey: grant.sealedKey,
    signature: grant.signature,
  };
}

export async function updateVault(vaultId: string, change: UpdateVaultRequest) {
  const prisma = await db();
  const result = await prisma.vault.updateMany({
    where: { id: vaultId, keyVersion: change.expectedKeyVersion },
    data: { encryptedName: change.encryptedName, environment: change.environment },
  });
  if (result.count !== 1) throw new VaultConflictError("The vault key changed; reload and retry.");
}

export async function deleteVault(vaultId: string) {
  const prisma = await db();
  await prisma.$transaction([
    prisma.keyGrantHistory.updateMany({
      where: { vaultId, revokedAt: null },
      data: { revokedAt: new Date() },
    }),
    prisma.vault.delete({ where: { id: vaultId } }),
  ]);
}

/** Adds a member with their sealed key at the vault's current key version. */
export async function addMember(input: {
  vaultId: string;
  userId: string;
  granterId: string;
  grant: GrantInput;
}) {
  const prisma = await db();
  try {
    await addMemberOnce(prisma, input);
  } catch (error) {
    // Two managers sharing with the same person at once: the loser hits the primary key.
    if (isUniqueViolation(error)) throw new VaultConflictError("This person is already a member.");
    throw error;
  }
}

async function addMemberOnce(
  prisma: Awaited<ReturnType<typeof db>>,
  input: { vaultId: string; userId: string; granterId: string; grant: GrantInput },
) {
  await prisma.$transaction(async (tx) => {
    const keyVersion = await lockVaultKeyVersion(tx, input.vaultId);
    if (keyVersion !== input.grant.keyVersion) {
      throw new VaultConflictError("The vault key changed; reload and retry.");
    }
    const existing = await tx.vaultMember.findUnique({
      where: { vaultId_userId: { vaultId: input.vaultId, userId: input.userId } },
      select: { role: true },
    });
    if (existing) throw new VaultConflictError("This person is already a member.");
    await tx.vaultMember.create({
      data: {
        vaultId: input.vaultId,
        userId: input.userId,
        role: input.grant.role,
        addedById: input.granterId,
      },
    });
    await tx.vaultKeyGrant.create({
      data: { vaultId: input.vaultId, ...grantRow(input.userId, input.granterId, input.grant) },
    });
    await tx.keyGrantHistory.upsert({
      where: {
        vaultId_userId_keyVersion: {
          vaultId: input.vaultId,
          userId: input.userId,
          keyVersion: input.grant.keyVersion,
        },
      },
      create: { vaultId: input.vaultId, userId: input.userId, keyVersion: input.grant.keyVersion },
      update: { revokedAt: null },
    });
  });
}

/** A role change is a re-signed grant at the current key version (the role is signed). */
export async function changeMemberRole(input: {
  vaultId: string;
  userId: string;
  granterId: string;
  grant: GrantInput;
}) {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const keyVersion = await lockVaultKeyVersion(tx, input.vaultId);
    if (keyVersion !== input.grant.keyVersion) {
      throw new VaultConflictError("The vault key changed; reload and retry.");
    }
    const updated = await tx.vaultMember.updateMany({
      where: { vaultId: input.vaultId, userId: input.userId },
      data: { role: input.grant.role },
    });
    if (updated.count !== 1) throw new VaultConflictError("Not a member.");
    await tx.vaultKeyGrant.update({
      where: {
        vaultId_userId_keyVersion: {
          vaultId: input.vaultId,
          userId: input.userId,
          keyVersion: input.grant.keyVersion,
        },
      },
      data: grantRow(input.userId, input.granterId, input.grant),
    });
  });
}

export async function countManagers(vaultId: string) {
  const prisma = await db();
  return prisma.vaultMember.count({ where: { vaultId, role: "manage" } });
}

/**
 * Applies a rotation batch in one transaction or not at all. The compare-and-swap on the key
 * version makes concurrent rotations race safely (exactly one wins, the other gets a conflict);
 * the batch must cover every current item at its current revision, every stored revision,
 * and exactly the remaining members, or nothing is written.
 */
export async function rotateVault(
  vaultId: string,
  granterId: string,
  batch: RotateVaultRequest,
  /** Runs inside the rotation's transaction once it is applied (offboarding steps). */
  afterApply?: (tx: Transaction) => Promise<void>,
) {
  const prisma = await db();
  const newKeyVersion = batch.expectedKeyVersion + 1;
  await prisma.$transaction(
    async (tx) => {
      const swapped = await tx.vault.updateMany({
        where: { id: vaultId, keyVersion: batch.expectedKeyVersion },
        data: { keyVersion: newKeyVersion, encryptedName: batch.encryptedName },
      });
      if (swapped.count !== 1) {
        throw new VaultConflictError("The vault was rotated meanwhile; reload and retry.");
      }
      const [items, revisions, members] = await Promise.all([
        tx.item.findMany({ where: { vaultId }, select: { id: true, revision: true } }),
        tx.itemRevision.findMany({
          where: { item: { vaultId } },
          select: { itemId: true, revision: true },
        }),
        tx.vaultMember.findMany({ where: { vaultId }, select: { userId: true, role: true } }),
      ]);
      const expect = (actual: string[], given: string[], what: string) => {
        const a = [...actual].sort();
        const b = [...given].sort();
        if (a.length !== b.length || a.some((value, index) => value !== b[index])) {
          throw new VaultConflictError(`The vault's ${what} changed meanwhile; reload and retry.`);
        }
      };
      expect(
        items.map((item) => `${item.id}@${item.revision}`),
        batch.items.map((item) => `${item.id}@${item.revision}`),
        "items",
      );
      expect(
        revisions.map((revision) => `${revision.itemId}@${revision.revision}`),
        batch.revisions.map((revision) => `${revision.itemId}@${revision.revision}`),
        "history",
      );
      const removed = new Set(batch.removeUserIds);
      const remaining = members.filter((member) => !removed.has(member.userId));
      if (!remaining.some((member) => member.role === "manage")) {
        throw new VaultConflictError("A vault needs at least one manager.");
      }
      expect(
        remaining.map((member) => `${member.userId}:${member.role}`),
        batch.grants.map((grant) => `${grant.userId}:${grant.role}`),
        "members",
      );
      if (
        batch.grants.some((grant) => grant.keyVersion !== newKeyVersion) ||
        batch.serviceAccountGrants.some((grant) => grant.keyVersion !== newKeyVersion)
      ) {
        throw new VaultConflictError("Grants must be for the new key version.");
      }
      await expectMachineGrants(tx, vaultId, batch, expect);
      // As when sharing: a new key sealed to a box key the member no longer holds would lock
      // them out of the vault at the next version.
      const recipients = await tx.user.findMany({
        where: { id: { in: batch.grants.map((grant) => grant.userId) } },
        select: { id: true, boxPublicKey: true },
      });
      const boxKeyOf = new Map(recipients.map((user) => [user.id, user.boxPublicKey]));
      if (batch.grants.some((grant) => boxKeyOf.get(grant.userId) !== grant.memberBoxPublicKey)) {
        throw badRequest("A grant is sealed to another key.", "grants");
      }

      // Each row is matched on its revision too and the counts are checked: a ciphertext lands
      // only on the exact revision it was encrypted for, or the whole rotation rolls back.
      if (batch.items.length) {
        const updated = await tx.$executeRaw`
          UPDATE "Item" AS i SET "ciphertext" = v.c, "keyVersion" = ${newKeyVersion}
          FROM unnest(${batch.items.map((item) => item.id)}::text[],
                      ${batch.items.map((item) => item.revision)}::int[],
                      ${batch.items.map((item) => item.ciphertext)}::text[]) AS v(id, rev, c)
          WHERE i."id" = v.id AND i."revision" = v.rev AND i."vaultId" = ${vaultId}`;
        if (updated !== batch.items.length) {
          throw new VaultConflictError("The vault's items changed meanwhile; reload and retry.");
        }
      }
      if (batch.revisions.length) {
        const updated = await tx.$executeRaw`
          UPDATE "ItemRevision" AS r SET "ciphertext" = v.c, "keyVersion" = ${newKeyVersion}
          FROM unnest(${batch.revisions.map((revision) => revision.itemId)}::text[],
                      ${batch.revisions.map((revision) => revision.revision)}::int[],
                      ${batch.revisions.map((revision) => revision.ciphertext)}::text[])
               AS v(item_id, rev, c), "Item" AS i
          WHERE r."itemId" = v.item_id AND r."revision" = v.rev
            AND i."id" = r."itemId" AND i."vaultId" = ${vaultId}`;
        if (updated !== batch.revisions.length) {
          throw new VaultConflictError("The vault's history changed meanwhile; reload and retry.");
        }
      }
      if (removed.size) {
        await tx.vaultMember.deleteMany({ where: { vaultId, userId: { in: [...removed] } } });
      }
      // Old sealed copies go: nobody can fetch a superseded key from the server any more.
      await tx.vaultKeyGrant.deleteMany({ where: { vaultId } });
      await tx.serviceAccountGrant.deleteMany({ where: { vaultId } });
      if (batch.serviceAccountGrants.length) {
        await tx.serviceAccountGrant.createMany({
          data: batch.serviceAccountGrants.map(({ serviceAccountId, ...grant }) => ({
            vaultId,
            serviceAccountId,
            granterId,
            ...grant,
          })),
        });
      }
      await tx.vaultKeyGrant.createMany({
        data: batch.grants.map((grant) => ({
          vaultId,
          ...grantRow(grant.userId, granterId, grant),
        })),
      });
      await tx.keyGrantHistory.updateMany({
        where: { vaultId, revokedAt: null, userId: { in: [...removed] } },
        data: { revokedAt: new Date() },
      });
      await tx.keyGrantHistory.createMany({
        data: batch.grants.map((grant) => ({
          vaultId,
          userId: grant.userId,
          keyVersion: newKeyVersion,
        })),
      });
      await afterApply?.(tx);
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  return newKeyVersion;
}

export type { VaultRoleDto };

/**
 * Service accounts keep access through a rotation exactly like people: the batch must carry a
 * new grant, with an unchanged scope, for every account granted at the old version that is not
 * being removed, each sealed to the box key the account holds.
 */
async function expectMachineGrants(
  tx: Transaction,
  vaultId: string,
  batch: RotateVaultRequest,
  expect: (actual: string[], given: string[], what: string) => void,
) {
  const current = await tx.serviceAccountGrant.findMany({
    where: { vaultId, keyVersion: batch.expectedKeyVersion },
    select: {
      serviceAccountId: true,
      scope: true,
      serviceAccount: { select: { boxPublicKey: true } },
    },
  });
  const removed = new Set(batch.removeServiceAccountIds);
  const remaining = current.filter((grant) => !removed.has(grant.serviceAccountId));
  expect(
    remaining.map((grant) => `${grant.serviceAccountId}:${grant.scope}`),
    batch.serviceAccountGrants.map((grant) => `${grant.serviceAccountId}:${grant.scope}`),
    "machine access",
  );
  const boxKeyOf = new Map(
    remaining.map((grant) => [grant.serviceAccountId, grant.serviceAccount.boxPublicKey]),
  );
  const index = batch.serviceAccountGrants.findIndex(
    (grant) => boxKeyOf.get(grant.serviceAccountId) !== grant.boxPublicKey,
  );
  if (index >= 0) {
    throw badRequest(
      "A grant is sealed to another key.",
      `serviceAccountGrants.${index}.boxPublicKey`,
    );
  }
}

/**
 * Every vault in the organisation with its members, for admins: that a vault exists and who is
 * in it, never what it holds (the name is ciphertext to them unless they are members).
 */
export async function listVaultsForAdmin() {
  const prisma = await db();
  return prisma.vault.findMany({
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      environment: true,
      keyVersion: true,
      createdAt: true,
      updatedAt: true,
      _count: { select: { items: true } },
      members: {
        orderBy: { createdAt: "asc" },
        select: { userId: true, role: true, createdAt: true },
      },
    },
  });
}
