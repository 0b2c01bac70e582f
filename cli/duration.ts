import { usageError } from "./errors";

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `90`, `90s`, `15m`, `1h`, `7d` → seconds; `what` names the option in the error. */
export function parseDuration(text: string, what: string): number {
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text.trim());
  if (!match) throw usageError(`${what} must be a duration such as 90s, 15m, 1h or 7d.`);
  const seconds = Number(match[1]) * (UNITS[match[2] || "s"] as number);
  if (!Number.isFinite(seconds) || seconds <= 0) throw usageError(`${what} must be above zero.`);
  return seconds;
}
