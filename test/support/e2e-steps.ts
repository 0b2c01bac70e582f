// Small steps the end-to-end specs share: following the main navigation, calling the API from
// a page, and waiting out a security-key check. Specs only: it asserts with vitest's expect.
import type { Page } from "playwright-core";
import { expect } from "vitest";

/**
 * Follows a link of the app's main navigation (client-side, so the keyring stays unlocked),
 * opening the Menu first on a screen too narrow for the navigation row.
 */
export async function openFromNav(page: Page, label: string) {
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) !== "true") {
    await menu.click();
  }
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
}

/** Calls the API from the page, with its cookies, and answers the status and error code. */
export function apiStatus(page: Page, path: string, method = "GET") {
  return page.evaluate(
    ({ url, verb }) =>
      fetch(url, { method: verb }).then(async (response) => ({
        status: response.status,
        code: ((await response.json().catch(() => null)) as { error?: { code?: string } } | null)
          ?.error?.code,
      })),
    { url: path, verb: method },
  );
}

/** Waits until the page's session needs a new key check before a sensitive action. */
export async function waitForStepUpToLapse(page: Page, timeoutMs = 60_000) {
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          fetch("/api/v1/mfa")
            .then((response) => response.json())
            .then((body: { stepUpUntil: string | null }) => body.stepUpUntil),
        ),
      { timeout: timeoutMs, interval: 1_000 },
    )
    .toBeNull();
}
