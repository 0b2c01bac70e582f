import type { z } from "zod";
import {
  flagListResponse,
  itemFlagDto,
  lockdownResult,
  lockdownStatus,
  rotationIntervalDto,
  rotationSettings,
  type flagListQuery,
  type ItemFlagDto,
} from "@/lib/api/rotation";
import { api } from "./api";

// The rotation tracker, rotation intervals and the break-glass lockdown: every call parsed
// with its lib/api contract.

export type FlagQuery = Partial<z.infer<typeof flagListQuery>>;
export type RotationSettings = z.infer<typeof rotationSettings>;
export type LockdownStatus = z.infer<typeof lockdownStatus>;
export type LockdownResult = z.infer<typeof lockdownResult>;

/** What an admin types to start a lockdown; the server checks the same string. */
export const LOCKDOWN_CONFIRMATION = "LOCK DOWN";

const vaultPath = (vaultId: string) => `/api/v1/vaults/${encodeURIComponent(vaultId)}`;
const flagPath = (flagId: string) => `/api/v1/flags/${encodeURIComponent(flagId)}`;

function flagSearch(query: FlagQuery): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const rotationApi = {
  flags: (query: FlagQuery = {}) =>
    api(`/api/v1/flags${flagSearch(query)}`, { schema: flagListResponse }),
  assignOwner: (flagId: string, ownerId: string | null) =>
    api(`${flagPath(flagId)}/owner`, { method: "PUT", json: { ownerId }, schema: itemFlagDto }),
  markRotated: (flagId: string, note: string) =>
    api(`${flagPath(flagId)}/rotated`, { json: { note }, schema: itemFlagDto }),
  settings: () => api("/api/v1/admin/rotation-settings", { schema: rotationSettings }),
  saveSettings: (settings: RotationSettings) =>
    api("/api/v1/admin/rotation-settings", {
      method: "PUT",
      json: settings,
      schema: rotationSettings,
    }),
  vaultInterval: (vaultId: string) =>
    api(`${vaultPath(vaultId)}/rotation-interval`, { schema: rotationIntervalDto }),
  setVaultInterval: (vaultId: string, rotationIntervalDays: number | null) =>
    api(`${vaultPath(vaultId)}/rotation-interval`, {
      method: "PUT",
      json: { rotationIntervalDays },
      schema: rotationIntervalDto,
    }),
  itemInterval: (vaultId: string, itemId: string) =>
    api(`${vaultPath(vaultId)}/items/${encodeURIComponent(itemId)}/rotation-interval`, {
      schema: rotationIntervalDto,
    }),
  setItemInterval: (vaultId: string, itemId: string, rotationIntervalDays: number | null) =>
    api(`${vaultPath(vaultId)}/items/${encodeURIComponent(itemId)}/rotation-interval`, {
      method: "PUT",
      json: { rotationIntervalDays },
      schema: rotationIntervalDto,
    }),
  lockdown: () => api("/api/v1/admin/lockdown", { schema: lockdownStatus }),
  startLockdown: () =>
    api("/api/v1/admin/lockdown", {
      json: { confirmation: LOCKDOWN_CONFIRMATION },
      schema: lockdownResult,
    }),
  liftLockdown: () => api("/api/v1/admin/lockdown", { method: "DELETE", schema: lockdownStatus }),
};

export type FlagReason = ItemFlagDto["reason"];

/** Why an item needs a new value, as a person reads it: "Revealed by Dana". */
export function flagReasonLabel(reason: FlagReason | string, personName?: string | null): string {
  const who = personName || "a former member";
  switch (reason) {
    case "revealed":
      return `Revealed by ${who}`;
    case "copied":
      return `Copied by ${who}`;
    case "shared_link":
      return `Shared by ${who} in a link that was opened`;
    case "could_decrypt":
      return `Could decrypt (${who} left)`;
    case "interval":
      return "Interval due";
    case "lockdown":
      return "Lockdown";
    default:
      return reason;
  }
}

export const PRIORITY_LABELS = { high: "High", medium: "Medium" } as const;

/** Open flags first by priority, then soonest due: what to do next comes first. */
export function mostUrgent(flags: ItemFlagDto[]): ItemFlagDto | undefined {
  return [...flags].sort(
    (a, b) =>
      Number(a.priority !== "high") - Number(b.priority !== "high") ||
      a.dueAt.localeCompare(b.dueAt),
  )[0];
}
