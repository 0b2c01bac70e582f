import "server-only";
import { db, queryRows } from "../db";
import type { MachineTokenKind, Prisma } from "../generated/prisma/client";
import { isUniqueViolation } from "./organization";

const tokenColumns = {
  id: true,
  serviceAccountId: true,
  kind: true,
  name: true,
  expiresAt: true,
  usesLeft: true,
  maxUses: true,
  allowedCidrs: true,
  vaultIds: true,
  readOnly: true,
  createdById: true,
  parentTokenId: true,
  createdAt: true,
  revokedAt: true,
  revokedReason: true,
  suspendedAt: true,
  exchangedAt: true,
  lastUsedAt: true,
  lastUsedAddress: true,
} satisfies Prisma.MachineTokenSelect;

/** What authenticating a bearer token needs, in one indexed read. */
export async function findTokenForAuthentication(tokenId: string) {
  const prisma = await db();
  return prisma.machineToken.findUnique({
    where: { id: tokenId },
    select: {
      ...tokenColumns,
      authSecretHash: true,
      // What a read hands back anyway, loaded here so a machine read costs no extra statements.
      wrappedSaKey: true,
      serviceAccount: {
        select: {
          id: true,
          name: true,
          status: true,
          maxTokenTtlSeconds: true,
          boxPublicKey: true,
          signPublicKey: true,
          wrappedBoxPrivateKey: true,
          wrappedSignPrivateKey: true,
          trustedGranters: true,
          trustedGrantersRevision: true,
        },
      },
    },
  });
}

export type TokenForAuthentication = NonNullable<
  Awaited<ReturnType<typeof findTokenForAuthentication>>
>;

/** What the one-statement read-and-use returns: the token as `findTokenForAuthentication`. */
interface RawTokenRow {
  id: string;
  serviceAccountId: string;
  kind: MachineTokenKind;
  name: string;
  expiresAt: Date;
  usesLeft: number | null;
  maxUses: number | null;
  allowedCidrs: string[];
  vaultIds: string[];
  readOnly: boolean;
  createdById: string | null;
  parentTokenId: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  suspendedAt: Date | null;
  exchangedAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedAddress: string | null;
  authSecretHash: string;
  wrappedSaKey: string;
  accountName: string;
  accountStatus: "active" | "disabled";
  maxTokenTtlSeconds: number;
  boxPublicKey: string;
  signPublicKey: string;
  wrappedBoxPrivateKey: string;
  wrappedSignPrivateKey: string;
  trustedGranters: string;
  trustedGrantersRevision: number;
  consumed: boolean;
}

/**
 * A machine request's token read and its use taken in ONE statement: the token row with its
 * account as `findTokenForAuthentication` returns it, and whether a use was taken. The use is
 * taken only when every limit the database can judge holds — the secret's hash, the claimed
 * kind, revocation, lockdown, exchange, expiry, uses left, the account's status — and the token
 * has no address allow-list (the caller judges that, and then takes the use with
 * `consumeTokenUse`). The decrement re-checks those conditions on the row it locks, so of two
 * parallel requests for the last use exactly one gets `consumed`. A taken use returns the row
 * as it is afterwards; otherwise the row as the statement found it, for the caller to say why.
 */
export async function readTokenAndTakeUse(input: {
  tokenId: string;
  kind: MachineTokenKind;
  authSecretHash: string;
  address: string;
  /** False: read only (the bootstrap exchange takes its use in its own transaction). */
  consume: boolean;
  now: Date;
}): Promise<(TokenForAuthentication & { consumed: boolean }) | null> {
  const { tokenId, now } = input;
  const rows = await queryRows<RawTokenRow>`
    WITH used AS (
      UPDATE "MachineToken" t
      SET "usesLeft" = t."usesLeft" - 1, "lastUsedAt" = ${now}, "lastUsedAddress" = ${input.address}
      FROM "ServiceAccount" a
      WHERE t."id" = ${tokenId} AND ${input.consume}
        AND t."kind"::text = ${input.kind} AND t."authSecretHash" = ${input.authSecretHash}
        AND cardinality(t."allowedCidrs") = 0
        AND t."revokedAt" IS NULL AND t."suspendedAt" IS NULL AND t."exchangedAt" IS NULL
        AND t."expiresAt" > ${now} AND (t."usesLeft" IS NULL OR t."usesLeft" > 0)
        AND a."id" = t."serviceAccountId" AND a."status" = 'active'
      RETURNING t."id", t."usesLeft", t."lastUsedAt", t."lastUsedAddress"
    )
    SELECT t."id", t."serviceAccountId", t."kind"::text AS "kind", t."name", t."expiresAt",
           CASE WHEN u."id" IS NULL THEN t."usesLeft" ELSE u."usesLeft" END AS "usesLeft",
           t."maxUses", t."allowedCidrs", t."vaultIds", t."readOnly", t."createdById",
           t."parentTokenId", t."createdAt", t."revokedAt", t."revokedReason", t."suspendedAt",
           t."exchangedAt", COALESCE(u."lastUsedAt", t."lastUsedAt") AS "lastUsedAt",
           COALESCE(u."lastUsedAddress", t."lastUsedAddress") AS "lastUsedAddress",
           t."authSecretHash", t."wrappedSaKey",
           a."name" AS "accountName", a."status"::text AS "accountStatus", a."maxTokenTtlSeconds",
           a."boxPublicKey", a."signPublicKey", a."wrappedBoxPrivateKey",
           a."wrappedSignPrivateKey", a."trustedGranters", a."trustedGrantersRevision",
           u."id" IS NOT NULL AS "consumed"
    FROM "MachineToken" t JOIN "ServiceAccount" a ON a."id" = t."serviceAccountId"
    LEFT JOIN used u ON u."id" = t."id"
    WHERE t."id" = ${tokenId}`;
  const row = rows[0];
  if (!row) return null;
  const {
    accountName,
    accountStatus,
    maxTokenTtlSeconds,
    boxPublicKey,
    signPublicKey,
    wrappedBoxPrivateKey,
    wrappedSignPrivateKey,
    trustedGranters,
    trustedGrantersRevision,
    ...token
  } = row;
  return {
    ...token,
    serviceAccount: {
      id: token.serviceAccountId,
      name: accountName,
      status: accountStatus,
      maxTokenTtlSeconds,
      boxPublicKey,
      signPublicKey,
      wrappedBoxPrivateKey,
      wrappedSignPrivateKey,
      trustedGranters,
      trustedGrantersRevision,
    },
  };
}

const usable = (now: Date): Prisma.MachineTokenWhereInput => ({
  revokedAt: null,
  suspendedAt: null,
  expiresAt: { gt: now },
  OR: [{ usesLeft: null }, { usesLeft: { gt: 0 } }],
});

/**
 * One use of a token, atomically: the decrement happens only while the token is still live and
 * has a use left, so two parallel requests for the last use cannot both pass. The last-used
 * time and address ride on the same statement.
 */
export async function consumeTokenUse(
  tokenId: string,
  address: string,
  now = new Date(),
): Promise<boolean> {
  const prisma = await db();
  const result = await prisma.machineToken.updateMany({
    where: { id: tokenId, ...usable(now) },
    data: { usesLeft: { decrement: 1 }, lastUsedAt: now, lastUsedAddress: address },
  });
  return result.count === 1;
}

export interface NewMachineToken {
  id: string;
  serviceAccountId: string;
  kind: MachineTokenKind;
  name: string;
  authSecretHash: string;
  wrappedSaKey: string;
  expiresAt: Date;
  maxUses: number | null;
  allowedCidrs: string[];
  vaultIds: string[];
  readOnly: boolean;
  createdById: string | null;
  parentTokenId: string | null;
}

export type MachineTokenRow = Prisma.MachineTokenGetPayload<{ select: typeof tokenColumns }>;

/** Null when the client-chosen id is taken. */
export async function insertMachineToken(token: NewMachineToken): Promise<MachineTokenRow | null> {
  const prisma = await db();
  try {
    return await prisma.machineToken.create({
      data: { ...token, usesLeft: token.maxUses },
      select: tokenColumns,
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export async function listMachineTokens(serviceAccountId: string): Promise<MachineTokenRow[]> {
  const prisma = await db();
  return prisma.machineToken.findMany({
    where: { serviceAccountId },
    orderBy: { createdAt: "desc" },
    select: tokenColumns,
  });
}

export async function findMachineToken(tokenId: string) {
  const prisma = await db();
  return prisma.machineToken.findUnique({ where: { id: tokenId }, select: tokenColumns });
}

/** The token's saKey copy, for the holder of the token to unwrap. */
export async function findWrappedSaKey(tokenId: string) {
  const prisma = await db();
  const row = await prisma.machineToken.findUnique({
    where: { id: tokenId },
    select: { wrappedSaKey: true },
  });
  return row?.wrappedSaKey ?? null;
}

export async function revokeMachineToken(tokenId: string, reason: string): Promise<boolean> {
  const prisma = await db();
  const result = await prisma.machineToken.updateMany({
    where: { id: tokenId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return result.count === 1;
}

/**
 * The bootstrap exchange, in one transaction: the bootstrap token is marked exchanged only if
 * it never was and is still live, and only then is the new session token written. A second
 * exchange finds nothing to mark and gets null: the caller records a possible interception.
 */
export async function exchangeBootstrapToken(
  bootstrapTokenId: string,
  replacement: NewMachineToken,
): Promise<MachineTokenRow | "exchanged" | "id_taken"> {
  const prisma = await db();
  try {
    return await exchangeInTransaction(prisma, bootstrapTokenId, replacement);
  } catch (error) {
    // The whole exchange rolled back: the bootstrap token is still unused.
    if (isUniqueViolation(error)) return "id_taken";
    throw error;
  }
}

function exchangeInTransaction(
  prisma: Awaited<ReturnType<typeof db>>,
  bootstrapTokenId: string,
  replacement: NewMachineToken,
): Promise<MachineTokenRow | "exchanged"> {
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const marked = await tx.machineToken.updateMany({
      where: { id: bootstrapTokenId, kind: "bt", exchangedAt: null, ...usable(now) },
      data: { exchangedAt: now, usesLeft: 0, lastUsedAt: now },
    });
    if (marked.count !== 1) return "exchanged" as const;
    return tx.machineToken.create({
      data: { ...replacement, usesLeft: replacement.maxUses },
      select: tokenColumns,
    });
  });
}
