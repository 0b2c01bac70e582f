import { durationText } from "../format";
import type { MachineTokenDto, MachineTokenKindDto } from "@/lib/api/machine";

export const FLAG_REASONS: Record<string, string> = {
  bootstrap_replayed:
    "A bootstrap token was used twice — someone may have intercepted it. Revoke its tokens, check where it was handed out, and consider re-keying the account.",
  manager_left:
    "A person who managed this account, or made tokens for it, has left. Re-key the account: its tokens are replaced and whatever they kept opens nothing.",
  manager_removed:
    "A manager was removed and may have kept the account's key. Re-key the account so that copy opens nothing.",
};

export function flagReasonText(reason: string | null): string {
  return (reason && FLAG_REASONS[reason]) || "This account needs attention.";
}

const HOUR = 3600;
const DAY = 24 * HOUR;

export const MAX_LIFETIME_PRESETS = [
  { value: String(HOUR), label: "1 hour" },
  { value: String(DAY), label: "1 day" },
  { value: String(7 * DAY), label: "7 days" },
  { value: String(30 * DAY), label: "30 days" },
  { value: String(90 * DAY), label: "90 days" },
];

export const TOKEN_EXPIRY_PRESETS = [
  { value: "30", label: "30 seconds" },
  { value: String(5 * 60), label: "5 minutes" },
  { value: String(HOUR), label: "1 hour" },
  { value: String(DAY), label: "1 day" },
  { value: String(7 * DAY), label: "7 days" },
  { value: String(30 * DAY), label: "30 days" },
  { value: "custom", label: "Custom…" },
];

export const TOKEN_KINDS: Record<MachineTokenKindDto, { label: string; hint: string }> = {
  sa: { label: "Session", hint: "Reads (and, if allowed, writes) the vaults in its scope." },
  bt: {
    label: "Bootstrap",
    hint: "Handed to a new container, which exchanges it once for its own session token.",
  },
  mt: {
    label: "Minting",
    hint: "For a scheduler: creates bootstrap tokens for this account and reads nothing itself.",
  },
};

export const TOKEN_STATUS: Record<MachineTokenDto["status"], string> = {
  active: "Active",
  expired: "Expired",
  used_up: "Used up",
  revoked: "Revoked",
  suspended: "Suspended",
  exchanged: "Exchanged",
};

export function lifetimeLabel(seconds: number): string {
  return durationText(seconds);
}
