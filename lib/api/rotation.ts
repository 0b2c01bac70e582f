import { z } from "zod";

export const flagPriority = z.enum(["high", "medium"]);
export const flagSource = z.enum(["offboarding", "interval", "lockdown"]);

/** A secret that needs a new value: why, since when, by when, who will do it. */
export const itemFlagDto = z.object({
  id: z.string(),
  itemId: z.string(),
  vaultId: z.string(),
  source: flagSource,
  reason: z.enum(["revealed", "copied", "shared_link", "could_decrypt", "interval", "lockdown"]),
  priority: flagPriority,
  person: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  clearedAt: z.string().nullable(),
  clearedHow: z.enum(["new_value", "marked"]).nullable(),
  clearNote: z.string().nullable(),
});
export type ItemFlagDto = z.infer<typeof itemFlagDto>;

export const flagListQuery = z.object({
  personId: z.string().max(64).optional(),
  vaultId: z.string().max(64).optional(),
  priority: flagPriority.optional(),
  /** Flags at least this many days old. */
  olderThanDays: z.coerce.number().int().min(0).max(3650).optional(),
  state: z.enum(["open", "cleared", "all"]).default("open"),
});
export const flagListResponse = z.object({ flags: z.array(itemFlagDto) });

export const assignFlagRequest = z.object({
  ownerId: z.string().min(1).max(64).nullable(),
  dueAt: z.iso.datetime({ offset: true }).optional(),
});

export const markRotatedRequest = z.object({
  note: z.string().trim().min(1, "is required").max(500),
});

export const rotationSettings = z.object({
  dueHighHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90),
  dueMediumHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 365),
});

export const rotationIntervalRequest = z.object({
  /** null: no interval. */
  rotationIntervalDays: z.number().int().min(1).max(3650).nullable(),
});

/** A vault's interval; for an item also its vault's, and when the item next falls due. */
export const rotationIntervalDto = z.object({
  rotationIntervalDays: z.number().int().nullable(),
  vaultRotationIntervalDays: z.number().int().nullable().optional(),
  nextDueAt: z.string().nullable().optional(),
});
export type RotationIntervalDto = z.infer<typeof rotationIntervalDto>;

export const lockdownStatus = z.object({
  active: z.boolean(),
  startedAt: z.string().nullable(),
  startedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Lifting takes another admin than the one who started it, when one exists. */
  canLift: z.boolean(),
});

export const startLockdownRequest = z.object({
  /** Typed by the admin, exactly: the confirmation that this is meant. */
  confirmation: z.literal("LOCK DOWN", { error: 'must be exactly "LOCK DOWN"' }),
});

export const lockdownResult = z.object({
  sessionsRevoked: z.number().int(),
  machineTokensSuspended: z.number().int(),
  shareLinksSuspended: z.number().int(),
  itemsFlagged: z.number().int(),
});
