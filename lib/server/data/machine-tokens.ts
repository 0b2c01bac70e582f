import "server-only";
import { db } from "../db";
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
export async function consumeTokenUse(tokenId: string, address: string): Promise<boolean> {
  const prisma = await db();
  const now = new Date();
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
