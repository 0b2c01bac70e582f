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

/**
 * Fails the test on any console error or uncaught page error: a page that logs an error is
 * broken even when the flow completes.
 */
export function watchForErrors(page: Page, allowed: RegExp[] = []): () => string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const text = message.text();
    if (!allowed.some((pattern) => pattern.test(text))) errors.push(text);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return () => errors;
}
