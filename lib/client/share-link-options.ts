import {
  SHARE_EXPIRY_DEFAULT_SECONDS,
  SHARE_EXPIRY_MIN_SECONDS,
  SHARE_VIEWS_MAX,
  type ShareLinkPolicyDto,
} from "@/lib/api/share-link";
import { SHARE_NOTE_MAX_CHARS } from "@/lib/crypto/share-link";
import { durationText } from "./format";

const HOUR = 3600;
const DAY = 24 * HOUR;

/** The expiry choices offered, shortest first; the org's maximum cuts the list. */
export const EXPIRY_PRESETS: ReadonlyArray<{ seconds: number; label: string }> = [
  { seconds: HOUR, label: "1 hour" },
  { seconds: 4 * HOUR, label: "4 hours" },
  { seconds: DAY, label: "24 hours" },
  { seconds: 3 * DAY, label: "3 days" },
  { seconds: 7 * DAY, label: "7 days" },
  { seconds: 14 * DAY, label: "14 days" },
  { seconds: 30 * DAY, label: "30 days" },
];

/** The presets the policy allows; its own maximum is offered too when it is not a preset. */
export function expiryChoices(policy: ShareLinkPolicyDto) {
  const allowed = EXPIRY_PRESETS.filter((preset) => preset.seconds <= policy.maxExpirySeconds);
  const max = policy.maxExpirySeconds;
  if (max >= SHARE_EXPIRY_MIN_SECONDS && !allowed.some((preset) => preset.seconds === max)) {
    const label = durationText(max);
    allowed.push({ seconds: max, label: `${label} (the longest allowed)` });
  }
  return allowed;
}

/** 24 hours, or the policy's maximum when that is shorter. */
export const defaultExpiry = (policy: ShareLinkPolicyDto) =>
  Math.min(SHARE_EXPIRY_DEFAULT_SECONDS, policy.maxExpirySeconds);

export interface ShareOptionsDraft {
  expiresInSeconds: number;
  views: string;
  passphrase: string;
  confirmation: string;
  note: string;
}

export interface ShareOptions {
  expiresInSeconds: number;
  maxViews: number;
  passphrase: string | null;
  note: string | null;
}

export type ShareOptionsField =
  "expiresInSeconds" | "maxViews" | "passphrase" | "confirmation" | "note";

/**
 * The options the form holds, checked as the server will check them (and a passphrase typed
 * twice), so a mistake is a sentence under its input instead of a refused request.
 */
export function checkShareOptions(
  draft: ShareOptionsDraft,
  policy: ShareLinkPolicyDto,
): { options: ShareOptions } | { problems: Partial<Record<ShareOptionsField, string>> } {
  const problems: Partial<Record<ShareOptionsField, string>> = {};
  if (
    draft.expiresInSeconds < SHARE_EXPIRY_MIN_SECONDS ||
    draft.expiresInSeconds > policy.maxExpirySeconds
  ) {
    problems.expiresInSeconds = "Choose one of the offered expiry times.";
  }
  const views = draft.views.trim();
  if (!/^\d+$/.test(views) || Number(views) < 1 || Number(views) > SHARE_VIEWS_MAX) {
    problems.maxViews = `Enter a whole number of views from 1 to ${SHARE_VIEWS_MAX}.`;
  }
  if (draft.passphrase.length === 0 && policy.passphraseRequired) {
    problems.passphrase = "Your organisation requires a passphrase on every link.";
  } else if (draft.passphrase.length > 0 && draft.passphrase.trim().length === 0) {
    problems.passphrase = "A passphrase of only spaces is too easy to guess.";
  } else if (draft.passphrase !== draft.confirmation) {
    problems.confirmation = "The two passphrases differ.";
  }
  if (draft.note.length > SHARE_NOTE_MAX_CHARS) {
    problems.note = `Keep the note to ${SHARE_NOTE_MAX_CHARS} characters.`;
  }
  if (Object.keys(problems).length > 0) return { problems };
  return {
    options: {
      expiresInSeconds: draft.expiresInSeconds,
      maxViews: Number(views),
      passphrase: draft.passphrase.length > 0 ? draft.passphrase : null,
      note: draft.note.trim().length > 0 ? draft.note.trim() : null,
    },
  };
}
