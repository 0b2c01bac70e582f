import "server-only";
import { db } from "../db";

export async function getContacts(userId: string) {
  const prisma = await db();
  return prisma.user.findUnique({
    where: { id: userId },
    select: { encryptedContacts: true, contactsRevision: true },
  });
}

/** Compare-and-swap on the revision: two devices editing contacts cannot lose a pin. */
export async function replaceContacts(
  userId: string,
  encryptedContacts: string,
  baseRevision: number,
) {
  const prisma = await db();
  const result = await prisma.user.updateMany({
    where: { id: userId, contactsRevision: baseRevision },
    data: { encryptedContacts, contactsRevision: baseRevision + 1 },
  });
  return result.count === 1 ? baseRevision + 1 : null;
}
