import "server-only";
import crypto from "node:crypto";

export const genesisHash = "0".repeat(64);

export interface AuditRecord {
  seq: number;
  at: Date;
  actorId: string | null;
  /** Absent for a person, "machine" for a service-account token. */
  actorKind?: "machine";
  action: string;
  targetType: string | null;
  targetId: string | null;
  vaultId: string | null;
  ipAddress: string | null;
  details: unknown;
}

/** JSON with object keys sorted at every level: one byte string per event, on any engine. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(",")}}`;
}

export function canonicalEvent(record: AuditRecord): string {
  return canonicalJson({ ...record, at: record.at.toISOString() });
}

/** hash = SHA-256(prevHash || canonical event), hex. */
export function chainHash(prevHash: string, record: AuditRecord): string {
  return crypto
    .createHash("sha256")
    .update(prevHash, "utf8")
    .update(canonicalEvent(record), "utf8")
    .digest("hex");
}
