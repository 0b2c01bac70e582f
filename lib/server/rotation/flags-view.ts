import "server-only";
import type { ItemFlagDto } from "@/lib/api/rotation";
import type { SessionContext } from "../session";
import { isOrgAdmin } from "../policies";
import { peopleById } from "../data/checklists";
import { findFlag, listFlags, memberVaultIds } from "../data/flags";

type FlagRow = NonNullable<Awaited<ReturnType<typeof findFlag>>>;
type Person = { id: string; name: string };

const formerMember = (id: string): Person => ({ id, name: "Former member" });

export function flagToDto(
  flag: FlagRow,
  people: Map<string, Person>,
  now = Date.now(),
): ItemFlagDto {
  const person = (id: string | null) => (id ? (people.get(id) ?? formerMember(id)) : null);
  return {
    id: flag.id,
    itemId: flag.itemId,
    vaultId: flag.vaultId,
    source: flag.source,
    reason: flag.reason as ItemFlagDto["reason"],
    priority: flag.priority,
    person: person(flag.personId),
    createdAt: flag.createdAt.toISOString(),
    dueAt: flag.dueAt.toISOString(),
    overdue: flag.clearedAt === null && flag.dueAt.getTime() < now,
    owner: person(flag.ownerId),
    clearedAt: flag.clearedAt?.toISOString() ?? null,
    clearedHow: (flag.clearedHow as ItemFlagDto["clearedHow"]) ?? null,
    clearNote: flag.clearNote,
  };
}

export async function flagsToDtos(flags: FlagRow[]) {
  const people = await peopleById(
    flags.flatMap((flag) => [flag.personId, flag.ownerId].filter((id): id is string => !!id)),
  );
  const now = Date.now();
  return flags.map((flag) => flagToDto(flag, people, now));
}

/**
 * The rotation tracker: admins see every flag, everyone else the flags of vaults they are a
 * member of (ids, dates and reasons only; what an item is stays encrypted).
 */
export async function flagList(
  session: SessionContext,
  query: {
    personId?: string;
    vaultId?: string;
    priority?: "high" | "medium";
    olderThanDays?: number;
    state: "open" | "cleared" | "all";
  },
) {
  const vaultIds = isOrgAdmin(session) ? null : await memberVaultIds(session.userId);
  const flags = await listFlags({
    vaultIds,
    personId: query.personId,
    vaultId: query.vaultId,
    priority: query.priority,
    createdBefore:
      query.olderThanDays === undefined
        ? undefined
        : new Date(Date.now() - query.olderThanDays * 86_400_000),
    state: query.state,
  });
  return flagsToDtos(flags);
}
