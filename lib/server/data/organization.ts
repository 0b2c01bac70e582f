import "server-only";
import { db } from "../db";
import { randomId } from "../tokens";
import type { NewAccount } from "@/lib/api/account";
import { accountColumns } from "./users";
import { notFound } from "../errors";

export async function organizationExists(): Promise<boolean> {
  const prisma = await db();
  return (await prisma.organization.count()) > 0;
}

export async function getOrganization() {
  const prisma = await db();
  return prisma.organization.findFirst({ select: { id: true, name: true } });
}

/** The installation's organisation, for routes that only run once it exists. */
export async function requireOrganization() {
  const org = await getOrganization();
  if (!org) throw notFound("No organisation yet.");
  return org;
}

/**
 * Creates the installation's organisation and its owner together. Returns null when an
 * organisation already exists (the unique singleton column makes a racing second call fail).
 */
export async function createOrganizationWithOwner(
  organizationName: string,
  account: NewAccount,
): Promise<{ userId: string } | null> {
  const prisma = await db();
  try {
    return await prisma.$transaction(async (tx) => {
      if ((await tx.organization.count()) > 0) return null;
      const org = await tx.organization.create({
        data: { id: randomId(), name: organizationName },
        select: { id: true },
      });
      await tx.user.create({
        data: { ...accountColumns(account), orgId: org.id, role: "owner" },
        select: { id: true },
      });
      return { userId: account.userId };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    (error as { code: unknown }).code === "P2002"
  );
}
