import { z } from "zod";

export const auditQuery = z.object({
  actorId: z.string().max(64).optional(),
  vaultId: z.string().max(64).optional(),
  action: z
    .string()
    .regex(/^[a-z_.]+$/, "must be an event name or prefix")
    .max(64)
    .optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  beforeSeq: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEventDto = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  /** A machine actor's id is its service account's. */
  actorKind: z.enum(["user", "machine"]),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  vaultId: z.string().nullable(),
  ipAddress: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventDto = z.infer<typeof auditEventDto>;

export const auditListResponse = z.object({ events: z.array(auditEventDto) });

export const auditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  problem: z
    .discriminatedUnion("kind", [
      z.object({ kind: z.literal("edited"), seq: z.number().int() }),
      z.object({
        kind: z.literal("missing"),
        afterSeq: z.number().int(),
        expectedSeq: z.number().int(),
      }),
      z.object({
        kind: z.literal("truncated"),
        lastSeq: z.number().int(),
        headSeq: z.number().int(),
      }),
    ])
    .optional(),
});
export type AuditVerifyResponse = z.infer<typeof auditVerifyResponse>;
