// A URL stored in an item is whatever someone typed or imported, so it is made a link only when
// it opens a web page: `javascript:` would run script in the page that holds the unlocked keys,
// and `data:`/`file:`/custom schemes open things a click should not open.
const WEB_SCHEME = /^https?:\/\//i;
// "example.com/login" or "example.com:8443": a host without a scheme, read as https.
const BARE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?([/?#]\S*)?$/i;

/** The href for a stored URL, or null when it must stay text. */
export function safeLinkHref(value: string): string | null {
  const text = value.trim();
  if (!text || /\s/.test(text)) return null;
  let candidate: string;
  if (WEB_SCHEME.test(text)) candidate = text;
  else if (BARE_HOST.test(text) && (text.includes(".") || /^localhost\b/i.test(text)))
    candidate = `https://${text}`;
  // Anything else with a scheme (javascript:, data:, file:, ssh:…) or no host stays text.
  else return null;
  try {
    const url = new URL(candidate);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (!url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}
