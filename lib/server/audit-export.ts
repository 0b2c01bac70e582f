import "server-only";
import { stringify } from "csv-stringify/sync";
import type { AuditEventDto } from "@/lib/api/audit";

const columns = [
  "seq",
  "at",
  "action",
  "actorId",
  "targetType",
  "targetId",
  "vaultId",
  "ipAddress",
  "details",
] as const;

/** One row per event; details as canonical JSON so the file can be re-verified elsewhere. */
export function auditEventsToCsv(events: AuditEventDto[]): string {
  return stringify(
    events.map((event) => ({ ...event, details: JSON.stringify(event.details) })),
    { header: true, columns: [...columns] },
  );
}
