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
  /**
   * The target for people to read, when the server knows it: a person's or service account's
   * name, a token's label, an invite's address, a template's name. Vaults and items are named
   * only by a member's browser, which can decrypt them.
   */
  targetName: z.string().nullable(),
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

const targetTypeNames: Record<string, string> = {
  user: "person",
  service_account: "service account",
  token: "token",
  invite: "invite",
  checklist: "checklist",
  checklist_template: "checklist template",
  device_login: "command-line sign-in",
  flag: "rotation flag",
  item: "item",
  organization: "organisation",
  security_key: "security key",
  session: "session",
  share_link: "share link",
  vault: "vault",
};

/**
 * What an event acted on, named where a name is known ("person Colin Baker", "vault Payments",
 * "item in Payments"); `vaultNames` are the ones the reader's browser could decrypt. A bare id
 * is left only where nothing better is known.
 */
export function auditTargetLabel(
  event: Pick<AuditEventDto, "targetType" | "targetId" | "targetName" | "vaultId">,
  vaultNames: ReadonlyMap<string, string> = new Map(),
): string {
  const vaultLabel = (id: string) => `vault ${vaultNames.get(id) ?? id}`;
  if (!event.targetType) return event.vaultId ? vaultLabel(event.vaultId) : "";
  if (event.targetType === "vault" && event.targetId) return vaultLabel(event.targetId);
  const type = targetTypeNames[event.targetType] ?? event.targetType.replace(/_/g, " ");
  // There is one organisation: its id tells a reader nothing.
  const named = event.targetName ?? (event.targetType === "organization" ? null : event.targetId);
  const target = !named
    ? type
    : event.targetType === "invite" && event.targetName
      ? `invite for ${named}`
      : `${type} ${named}`;
  if (!event.vaultId || event.targetType === "vault") return target;
  return `${target} in ${vaultNames.get(event.vaultId) ?? `vault ${event.vaultId}`}`;
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
