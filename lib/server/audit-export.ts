import "server-only";
import { stringify } from "csv-stringify/sync";
import { auditActorLabel, auditTargetLabel, type AuditEventDto } from "@/lib/api/audit";

const columns = [
  "seq",
  "at",
  "action",
  "actorKind",
  "actorId",
  "actor",
  "targetType",
  "targetId",
  "target",
  "vaultId",
  "ipAddress",
  "details",
] as const;

/**
 * One row per event; details as canonical JSON so the file can be re-verified elsewhere, and
 * the actor and target named for a reader (a machine by its account and token, a person by
 * name). Vault names stay ids here: the server cannot decrypt them.
 */
export function auditEventsToCsv(events: AuditEventDto[]): string {
  return stringify(
    events.map((event) => ({
      ...event,
      actor: auditActorLabel(event),
      target: auditTargetLabel(event),
      details: JSON.stringify(event.details),
    })),
    { header: true, columns: [...columns] },
  );
}
