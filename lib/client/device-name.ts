// A name for the device a security key or passkey is added from, such as "Chrome on Mac", the
// way GitHub and Google name passkeys. Coffer cannot tell a YubiKey from a phone or a laptop's
// own passkey before the browser's prompt, so the default says where the key was added rather
// than guessing what it is; the person can rename it at any time.

const browsers: Array<[RegExp, string]> = [
  [/\bEdg(?:e|A|iOS)?\//, "Edge"],
  [/\bOPR\//, "Opera"],
  [/\bFirefox\/|\bFxiOS\//, "Firefox"],
  // Headless Chromium says "HeadlessChrome/".
  [/Chrome\/|\bCriOS\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];

const platforms: Array<[RegExp, string]> = [
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bMac OS X\b|\bMacintosh\b/, "Mac"],
  [/\bWindows\b/, "Windows"],
  [/\bLinux\b/, "Linux"],
];

function firstMatch(table: Array<[RegExp, string]>, text: string): string | null {
  return table.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** "Chrome on Mac", "Firefox", "Android"; "Security key" when the browser says nothing useful. */
export function deviceName(userAgent: string): string {
  const browser = firstMatch(browsers, userAgent);
  const platform = firstMatch(platforms, userAgent);
  if (browser && platform) return `${browser} on ${platform}`;
  return browser ?? platform ?? "Security key";
}
