// Flows a person goes through in the browser, shared by end-to-end specs and benchmarks so
// that a change of label is made in one place.
import type { Browser, Page } from "playwright-core";
import { watchForErrors } from "./browser";

/**
 * First run: /setup, the Emergency Kit acknowledged, and the home page reached. Returns the
 * Secret Key the kit showed, for a later sign-in on another device.
 */
export async function setUpOwnerInBrowser(
  page: Page,
  baseUrl: string,
  owner: { organisation: string; name: string; email: string; password: string },
): Promise<string> {
  await page.goto(baseUrl);
  await page.waitForURL(/\/setup$/);
  await page.getByLabel("Organisation name").fill(owner.organisation);
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Master password", { exact: true }).fill(owner.password);
  await page.getByLabel("Confirm master password").fill(owner.password);
  await page.getByRole("button", { name: "Create organisation" }).click();
  const saved = page.getByLabel("I have saved my Emergency Kit");
  await saved.waitFor({ timeout: 60_000 });
  const secretKey = (await page.getByTestId("secret-key").innerText()).trim();
  await saved.check();
  await page.getByRole("button", { name: "Continue" }).click();
  await waitForHome(page);
  return secretKey;
}

/** Fills and submits the sign-in form; the Secret Key only when this device lacks it. */
export async function submitSignIn(
  page: Page,
  baseUrl: string,
  input: { email: string; password: string; secretKey?: string },
) {
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel("Email").fill(input.email);
  await page.getByLabel("Master password", { exact: true }).fill(input.password);
  if (input.secretKey) await page.getByLabel("Secret Key").fill(input.secretKey);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export function waitForHome(page: Page) {
  return page.getByRole("heading", { name: /Welcome/ }).waitFor({ timeout: 60_000 });
}

export interface OwnerPage {
  page: Page;
  /** Console errors and failed requests seen so far. */
  errors: () => string[];
  /**
   * A full page load of `path`, unlocking the keys it locked, and the API calls (`GET /api/…`)
   * the page made until it settled: for specs of pages the server renders with their data.
   */
  open(path: string, heading: string): Promise<string[]>;
}

/** A new page in `browser`, set up as the first owner, that records every API call it makes. */
export async function ownerPageWatchingApi(
  browser: Browser,
  baseUrl: string,
  owner: { organisation: string; name: string; email: string; password: string },
): Promise<OwnerPage> {
  const page = await browser.newPage();
  const errors = watchForErrors(page);
  let apiCalls: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/v1/")) apiCalls.push(`${request.method()} ${url.pathname}`);
  });
  await setUpOwnerInBrowser(page, baseUrl, owner);
  return {
    page,
    errors,
    async open(path, heading) {
      apiCalls = [];
      await visitUnlocked(page, `${baseUrl}${path}`, heading, owner.password);
      await page.waitForLoadState("networkidle");
      return apiCalls;
    },
  };
}

/** A full page load of `url`, unlocking the keys it locked, until the page's heading shows. */
export async function visitUnlocked(page: Page, url: string, heading: string, password: string) {
  await page.goto(url);
  const locked = page.getByRole("heading", { name: "Coffer is locked" });
  const target = page.getByRole("heading", { name: heading, level: 1 });
  await locked.or(target).first().waitFor({ timeout: 30_000 });
  if (await locked.isVisible()) {
    await page.getByLabel("Master password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Unlock" }).click();
  }
  await target.waitFor({ timeout: 60_000 });
}
