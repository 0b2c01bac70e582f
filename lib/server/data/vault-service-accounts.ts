import "server-only";
import { db } from "../db";

/**
 * The service accounts holding a grant at the vault's current key version, with their public
 * bundle and who manages them. No wrapped key and no manager's sealed copy leaves here.
 */
export async function findServiceAccountsOfVault(vaultId: string) {
  const prisma = await db();
  const vault = await prisma.vault.findUnique({
    where: { id: vaultId },
    select: { keyVersion: true },
  });
  if (!vault) return [];
  return prisma.serviceAccountGrant.findMany({
    where: { vaultId, keyVersion: vault.keyVersion },
    orderBy: { createdAt: "asc" },
    select: {
      scope: true,
      keyVersion: true,
      serviceAccount: {
        select: {
          id: true,
          name: true,
          status: true,
          boxPublicKey: true,
          signPublicKey: true,
          bundleSignature: true,
          managers: { select: { userId: true } },
        },
      },
    },
  });
}

export async function findPeopleNames(userIds: string[]) {
  if (!userIds.length) return [];
  const prisma = await db();
  return prisma.user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, email: true },
  });
}
