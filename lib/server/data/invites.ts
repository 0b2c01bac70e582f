import "server-only";
import { db } from "../db";
import { hashToken, randomId, randomToken } from "../tokens";
import type { NewAccount } from "@/lib/api/account";
import { accountColumns } from "./users";
import { cancelInviteRun, linkOnboardingAccount } from "./checklist-runs";
import type { Prisma } from "../generated/prisma/client";

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

/** Pass `tx` to create it with the onboarding run that belongs to it (data/onboarding.ts). */
export async function createInvite(
  input: {
    orgId: string;
    email: string;
    role: "admin" | "member";
    createdById: string;
    vaultGrants?: Array<{ vaultId: string; role: "manage" | "edit" | "view" }>;
  },
  tx?: Prisma.TransactionClient,
) {
  const client = tx ?? (await db());
  const token = randomToken(32);
  const invite = await client.invite.create({
    data: {
      id: randomId(),
      orgId: input.orgId,
      tokenHash: hashToken(token),
      email: input.email,
      role: input.role,
      createdById: input.createdById,
      expiresAt: new Date(Date.now() + inviteLifetimeMs),
      vaultGrants: input.vaultGrants ?? [],
    },
    select: inviteSelect,
  });
  return { invite, token };
}

/**
 * Whether an account already uses this address. Pass it as lib/api's `email` schema parsed it
 * (trimmed, lower-cased): sign-up stores accounts the same way, so equality is the comparison.
 */
export async function emailHasAccount(email: string) {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  return user !== null;
}

export async function listInvites() {
  const prisma = await db();
  return prisma.invite.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    select: inviteSelect,
  });
}

/** Revokes a pending invite and cancels its onboarding run, together. */
export async function revokeInvite(inviteId: string) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const result = await tx.invite.updateMany({
      where: { id: inviteId, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (result.count !== 1) return false;
    await cancelInviteRun(tx, inviteId);
    return true;
  });
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
 * single-use guarantee (of two parallel sign-ups with one link, exactly one succeeds). The
 * invite's onboarding run learns of the account in the same transaction; `keyRequiredFor`
 * says whether the org's MFA policy asks a key of the invite's role (then the run's MFA step
 * waits for the enrolment).
 */
export async function acceptInvite(
  token: string,
  account: NewAccount,
  options: { keyRequiredFor?: (role: "owner" | "admin" | "member") => boolean } = {},
) {
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
    const onboarding = await linkOnboardingAccount(tx, {
      inviteId: invite.id,
      userId: account.userId,
      keyRequired: options.keyRequiredFor?.(invite.role) ?? true,
    });
    return { outcome: "created" as const, userId: account.userId, onboarding };
  });
}
