// Every count and time span the UI writes goes through these, so "1 minute" and "in 7 days"
// read the same on every page.
const relativeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const pluralRules = new Intl.PluralRules("en");

/**
 * Each unit is used up to its cap (by the rounded value), then the next takes over: two invites
 * a minute apart both say "in 7 days", never "in 7 days" beside "next week".
 */
const units: Array<[Intl.RelativeTimeFormatUnit, number, number]> = [
  ["minute", 60, 59],
  ["hour", 3600, 23],
  ["day", 24 * 3600, 13],
  ["week", 7 * 24 * 3600, 4],
  ["month", 30 * 24 * 3600, 11],
  ["year", 365 * 24 * 3600, Infinity],
];

/** "just now", "5 minutes ago", "in 7 days", "in 2 weeks". */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return "just now";
  for (const [unit, size, cap] of units) {
    const value = Math.round(seconds / size);
    if (Math.abs(value) <= cap) return relativeFormat.format(value, unit);
  }
  return "just now";
}

/** "1 item", "5 items", "1 person", "2 people": the noun agrees with the count. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  const noun = pluralRules.select(count) === "one" ? singular : plural;
  return `${count.toLocaleString("en")} ${noun}`;
}

const spans: Array<[Intl.RelativeTimeFormatUnit & ("day" | "hour" | "minute"), number]> = [
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** A span in its largest whole unit: "30 seconds", "1 minute", "2 hours", "7 days". */
export function durationText(seconds: number): string {
  for (const [unit, size] of spans) {
    if (seconds >= size && seconds % size === 0) return countOf(seconds / size, unit);
  }
  return countOf(seconds, "second");
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" });
}

const browsers: Array<[RegExp, string]> = [
  [/Edg\//, "Edge"],
  [/OPR\//, "Opera"],
  [/Firefox\//, "Firefox"],
  [/HeadlessChrome\//, "Headless Chrome"],
  [/Chrome\//, "Chrome"],
  [/Chromium\//, "Chromium"],
  [/Safari\//, "Safari"],
  [/curl\//, "curl"],
  [/node|undici/i, "Node.js"],
];

const systems: Array<[RegExp, string]> = [
  [/iPhone|iPad/, "iOS"],
  [/Android/, "Android"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Windows/, "Windows"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/** "Chrome on Linux" from a full user-agent string; enough to recognise one's own devices. */
export function shortUserAgent(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  // A `coffer login` session names itself, with the host it was started on.
  if (userAgent.startsWith("coffer CLI")) return userAgent;
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1] ?? "Browser";
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  return system ? `${browser} on ${system}` : browser;
}

export type PasswordStrength = { score: 0 | 1 | 2 | 3 | 4; label: string };

/**
 * A rough hint only: length counts most, character variety a little. The Secret Key, not the
 * password, is what protects a stolen database; the password protects against a stolen device.
 */
export function passwordStrength(password: string): PasswordStrength {
  if (!password) return { score: 0, label: "" };
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) =>
    pattern.test(password),
  ).length;
  let score = 0;
  if (password.length >= 10) score++;
  if (password.length >= 14) score++;
  if (password.length >= 20) score++;
  if (classes >= 3) score++;
  if (password.length < 10) score = 0;
  const clamped = Math.min(score, 4) as PasswordStrength["score"];
  const labels = ["Too short", "Weak", "Fair", "Good", "Strong"];
  return { score: clamped, label: labels[clamped] ?? "" };
}

export const MIN_PASSWORD_LENGTH = 10;
