import "server-only";
import { db } from "../db";

/**
 * The names behind the actor ids of a page of audit events: people, service accounts and the
 * tokens machines acted with. Read at display time so a renamed account shows its current
 * name; the chained events keep only ids.
 */
export async function findAuditActorNames(ids: {
  userIds: string[];
  serviceAccountIds: string[];
  tokenIds: string[];
}) {
  const prisma = await db();
  const [people, accounts, tokens] = await Promise.all([
    ids.userIds.length === 0
      ? []
      : prisma.user.findMany({
          where: { id: { in: [...new Set(ids.userIds)] } },
          select: { id: true, name: true },
        }),
    ids.serviceAccountIds.length === 0
      ? []
      : prisma.serviceAccount.findMany({
          where: { id: { in: [...new Set(ids.serviceAccountIds)] } },
          select: { id: true, name: true },
        }),
    ids.tokenIds.length === 0
      ? []
      : prisma.machineToken.findMany({
          where: { id: { in: [...new Set(ids.tokenIds)] } },
          select: { id: true, name: true, kind: true },
        }),
  ]);
  return {
    people: new Map(people.map((person) => [person.id, person.name])),
    serviceAccounts: new Map(accounts.map((account) => [account.id, account.name])),
    tokens: new Map(tokens.map((token) => [token.id, { name: token.name, kind: token.kind }])),
  };
}
