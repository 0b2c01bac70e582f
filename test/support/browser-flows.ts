// Flows a person goes through in the browser, shared by end-to-end specs and benchmarks so
// that a change of label is made in one place.
import type { Page } from "playwright-core";

/** First run: /setup, the Emergency Kit acknowledged, and the home page reached. */
export async function setUpOwnerInBrowser(
  page: Page,
  baseUrl: string,
  owner: { organisation: string; name: string; email: string; password: string },
) {
  await page.goto(baseUrl);
  await page.waitForURL(/\/setup$/);
  await page.getByLabel("Organisation name").fill(owner.organisation);
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Master password", { exact: true }).fill(owner.password);
  await page.getByLabel("Confirm master password").fill(owner.password);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await page.getByLabel("I have saved my Emergency Kit").check({ timeout: 60_000 });
  await page.getByRole("button", { name: "Continue" }).click();
  await waitForHome(page);
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
