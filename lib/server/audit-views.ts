import "server-only";
import type { AuditEventDto, AuditQuery } from "@/lib/api/audit";
import { listAuditEvents } from "./data/audit";
import { findAuditActorNames } from "./data/audit-actors";

type Details = Record<string, unknown>;

/** The token a machine event was made with, when the event recorded it. */
function actorTokenIdOf(details: Details): string | null {
  return typeof details.actorTokenId === "string" ? details.actorTokenId : null;
}

/** Audit events matching a parsed query, as wire DTOs: shared by the list and the export. */
export async function auditEventDtos(query: AuditQuery): Promise<AuditEventDto[]> {
  const { from, to, ...filter } = query;
  const events = await listAuditEvents({
    ...filter,
    from: from ? new Date(from) : undefined,
    to: to ? new Date(to) : undefined,
  });
  const rows = events.map((event) => ({
    ...event,
    actorKind: event.actorKind === "machine" ? ("machine" as const) : ("user" as const),
    details: (event.details ?? {}) as Details,
  }));
  const machineRows = rows.filter((row) => row.actorKind === "machine");
  const targetsOf = (type: string) =>
    rows.flatMap((row) => (row.targetType === type && row.targetId ? [row.targetId] : []));
  // One lookup per kind of name for actors and targets together.
  const names = await findAuditActorNames({
    userIds: [
      ...rows.flatMap((row) => (row.actorKind === "user" && row.actorId ? [row.actorId] : [])),
      ...targetsOf("user"),
    ],
    serviceAccountIds: [
      ...machineRows.flatMap((row) => (row.actorId ? [row.actorId] : [])),
      ...targetsOf("service_account"),
    ],
    tokenIds: [
      ...machineRows.flatMap((row) => actorTokenIdOf(row.details) ?? []),
      ...targetsOf("token"),
    ],
    inviteIds: targetsOf("invite"),
    templateIds: targetsOf("checklist_template"),
  });
  const targetNames: Record<string, Map<string, string> | undefined> = {
    user: names.people,
    service_account: names.serviceAccounts,
    token: new Map(
      [...names.tokens].flatMap(([id, token]) => (token.name ? [[id, token.name]] : [])),
    ),
    invite: names.invites,
    checklist_template: names.templates,
  };
  return rows.map((row): AuditEventDto => {
    const tokenId = row.actorKind === "machine" ? actorTokenIdOf(row.details) : null;
    const token = tokenId ? names.tokens.get(tokenId) : undefined;
    return {
      ...row,
      at: row.at.toISOString(),
      actorName: row.actorId
        ? ((row.actorKind === "machine" ? names.serviceAccounts : names.people).get(row.actorId) ??
          null)
        : null,
      targetName:
        row.targetType && row.targetId
          ? (targetNames[row.targetType]?.get(row.targetId) ?? null)
          : null,
      actorToken: tokenId
        ? { id: tokenId, name: token ? token.name || null : null, kind: token?.kind ?? null }
        : null,
    };
  });
}
