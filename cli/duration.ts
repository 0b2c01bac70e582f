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

/** Seconds as the shortest exact unit a person would type back: 3600 → "1h", 90 → "90s". */
export function formatDuration(seconds: number): string {
  for (const unit of ["d", "h", "m"] as const) {
    const size = UNITS[unit] as number;
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/**
 * A duration that must lie within [minSeconds, maxSeconds], in whole seconds; out of range is
 * bad usage that names both bounds, so the person can correct it without reading the docs.
 */
export function parseDurationWithin(
  text: string,
  what: string,
  bounds: { minSeconds: number; maxSeconds: number },
): number {
  const seconds = Math.round(parseDuration(text, what));
  if (seconds < bounds.minSeconds || seconds > bounds.maxSeconds) {
    throw usageError(
      `${what} must be between ${formatDuration(bounds.minSeconds)} and ${formatDuration(bounds.maxSeconds)}.`,
    );
  }
  return seconds;
}
