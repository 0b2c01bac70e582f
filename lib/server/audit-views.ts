import "server-only";
import type { AuditEventDto, AuditQuery } from "@/lib/api/audit";
import { listAuditEvents } from "./data/audit";

/** Audit events matching a parsed query, as wire DTOs: shared by the list and the export. */
export async function auditEventDtos(query: AuditQuery) {
  const { from, to, ...filter } = query;
  const events = await listAuditEvents({
    ...filter,
    from: from ? new Date(from) : undefined,
    to: to ? new Date(to) : undefined,
  });
  return events.map((event): AuditEventDto => ({
    ...event,
    actorKind: event.actorKind === "machine" ? "machine" : "user",
    at: event.at.toISOString(),
    details: (event.details ?? {}) as Record<string, unknown>,
  }));
}
