import "server-only";
import { db } from "../db";

export interface AuditNameIds {
  userIds: string[];
  serviceAccountIds: string[];
  tokenIds: string[];
  inviteIds?: string[];
  templateIds?: string[];
}

const unique = (ids: string[] | undefined) => [...new Set(ids ?? [])];

/**
 * The names behind the ids of a page of audit events, actors and targets alike: people, service
 * accounts, the tokens machines acted with, invites (their address) and checklist templates.
 * Read at display time so a renamed account shows its current name; the chained events keep
 * only ids. Vault and item names are not here: they are encrypted, and only a member's browser
 * can read them.
 */
export async function findAuditActorNames(ids: AuditNameIds) {
  const prisma = await db();
  const [userIds, accountIds, tokenIds, inviteIds, templateIds] = [
    unique(ids.userIds),
    unique(ids.serviceAccountIds),
    unique(ids.tokenIds),
    unique(ids.inviteIds),
    unique(ids.templateIds),
  ];
  const [people, accounts, tokens, invites, templates] = await Promise.all([
    userIds.length === 0
      ? []
      : prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    accountIds.length === 0
      ? []
      : prisma.serviceAccount.findMany({
          where: { id: { in: accountIds } },
          select: { id: true, name: true },
        }),
    tokenIds.length === 0
      ? []
      : prisma.machineToken.findMany({
          where: { id: { in: tokenIds } },
          select: { id: true, name: true, kind: true },
        }),
    inviteIds.length === 0
      ? []
      : prisma.invite.findMany({
          where: { id: { in: inviteIds } },
          select: { id: true, email: true },
        }),
    templateIds.length === 0
      ? []
      : prisma.checklistTemplate.findMany({
          where: { id: { in: templateIds } },
          select: { id: true, name: true },
        }),
  ]);
  return {
    people: new Map(people.map((person) => [person.id, person.name])),
    serviceAccounts: new Map(accounts.map((account) => [account.id, account.name])),
    tokens: new Map(tokens.map((token) => [token.id, { name: token.name, kind: token.kind }])),
    invites: new Map(invites.map((invite) => [invite.id, invite.email])),
    templates: new Map(templates.map((template) => [template.id, template.name])),
  };
}
