import "server-only";
import { db } from "../db";
import { hashToken, randomId, randomToken } from "../tokens";
import type { NewAccount } from "@/lib/api/account";
import { accountColumns } from "./users";

const inviteLifetimeMs = 7 * 24 * 60 * 60 * 1000;

const inviteSelect = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  usedAt: true,
  revokedAt: true,
  createdBy: { select: { name: true } },
} as const;

export async function createInvite(input: {
  orgId: string;
  email: string;
  role: "admin" | "member";
  createdById: string;
}) {
  const prisma = await db();
  const token = randomToken(32);
  const invite = await prisma.invite.create({
    data: {
      id: randomId(),
      orgId: input.orgId,
      tokenHash: hashToken(token),
      email: input.email,
      role: input.role,
      createdById: input.createdById,
      expiresAt: new Date(Date.now() + inviteLifetimeMs),
    },
    select: inviteSelect,
  });
  return { invite, token };
}

export async function listInvites() {
  const prisma = await db();
  return prisma.invite.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    select: inviteSelect,
  });
}

export async function revokeInvite(inviteId: string) {
  const prisma = await db();
  const result = await prisma.invite.updateMany({
    where: { id: inviteId, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return result.count === 1;
}

export async function findPendingInvite(token: string) {
  const prisma = await db();
  return prisma.invite.findFirst({
    where: {
      tokenHash: hashToken(token),
      usedAt: null,
      revokedAt: null,
      expiresAt: { gt: new Date() },
    },
    select: { id: true, email: true, role: true, orgId: true, org: { select: { name: true } } },
  });
}

/**
 * Uses the invite and creates the account in one transaction: the conditional update is the
 * single-use guarantee (of two parallel sign-ups with one link, exactly one succeeds).
 */
export async function acceptInvite(token: string, account: NewAccount) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({
      where: {
        tokenHash: hashToken(token),
        usedAt: null,
        revokedAt: null,
        expiresAt: { gt: new Date() },
      },
      select: { id: true, email: true, role: true, orgId: true },
    });
    if (!invite) return { outcome: "invalid" as const };
    if (invite.email !== account.email) return { outcome: "email_mismatch" as const };
    const used = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) return { outcome: "invalid" as const };
    await tx.user.create({
      data: { ...accountColumns(account), orgId: invite.orgId, role: invite.role },
      select: { id: true },
    });
    return { outcome: "created" as const, userId: account.userId };
  });
}
