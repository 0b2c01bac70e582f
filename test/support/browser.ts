// Debian's Chromium driven by playwright-core: Playwright's own browser builds cannot be
// downloaded here, and the flags keep Chromium from reaching for the network on its own.
import { chromium, type Browser, type Page } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Chromium's console line for a blocked resource or script names the policy. */
const cspViolation = /Content Security Policy/i;

/**
 * Fails the test on any console error or uncaught page error: a page that logs an error is
 * broken even when the flow completes. A Content-Security-Policy violation always counts, even
 * when an allowed pattern matches it by chance (its text quotes the policy and its nonce).
 */
export function watchForErrors(page: Page, allowed: RegExp[] = []): () => string[] {
  const errors: string[] = [];
  // Chromium logs a refused script or resource, but a refused eval() only throws: this makes
  // every violation a console error, whatever caught the exception.
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(
        `Content Security Policy violation: ${event.effectiveDirective} blocked ${event.blockedURI}`,
      );
    });
  });
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (cspViolation.test(text) || !allowed.some((pattern) => pattern.test(text))) {
      // A failed resource names no address in its text: the location says which one it was.
      const where = message.location().url;
      errors.push(where && !text.includes(where) ? `${text} (${where})` : text);
    }
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return () => errors;
}
