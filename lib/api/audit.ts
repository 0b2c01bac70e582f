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
  /**
   * Who acted, for people to read: the person's name, or the service account's. Null when the
   * event has no actor (a failed sign-in) or the account is gone.
   */
  actorName: z.string().nullable(),
  /** A machine actor's token: its label and kind, when the event names it. */
  actorToken: z
    .object({ id: z.string(), name: z.string().nullable(), kind: z.string().nullable() })
    .nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  vaultId: z.string().nullable(),
  ipAddress: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventDto = z.infer<typeof auditEventDto>;

const tokenKindNames: Record<string, string> = {
  sa: "session token",
  bt: "bootstrap token",
  mt: "minting token",
};

/**
 * One line naming the actor, shared by the audit screen and the CSV export: a person by name,
 * a machine as its service account and the token it used ("ci-deploy · token “build”
 * (session token)"), never a bare id when a name is known.
 */
export function auditActorLabel(
  event: Pick<AuditEventDto, "actorId" | "actorKind" | "actorName" | "actorToken">,
): string {
  if (!event.actorId) return "";
  if (event.actorKind === "user") return event.actorName ?? event.actorId;
  const account = event.actorName ?? `deleted service account ${event.actorId}`;
  const token = event.actorToken;
  if (!token) return `${account} (service account)`;
  const kind = token.kind ? (tokenKindNames[token.kind] ?? token.kind) : "token";
  return token.name ? `${account} · token “${token.name}” (${kind})` : `${account} · ${kind}`;
}

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
