import "server-only";
import { stringify } from "csv-stringify/sync";
import { auditActorLabel, type AuditEventDto } from "@/lib/api/audit";

const columns = [
  "seq",
  "at",
  "action",
  "actorKind",
  "actorId",
  "actor",
  "targetType",
  "targetId",
  "vaultId",
  "ipAddress",
  "details",
] as const;

/**
 * One row per event; details as canonical JSON so the file can be re-verified elsewhere, and
 * the actor named for a reader (a machine by its account and token, not a blank person).
 */
export function auditEventsToCsv(events: AuditEventDto[]): string {
  return stringify(
    events.map((event) => ({
      ...event,
      actor: auditActorLabel(event),
      details: JSON.stringify(event.details),
    })),
    { header: true, columns: [...columns] },
  );
}
