// The foundation as a person meets it: set up an installation, keep the Emergency Kit, sign
// out and in, lock and unlock, invite a colleague, and lose a session revoked elsewhere.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, watchForErrors } from "../support/browser";
import { submitSignIn } from "../support/browser-flows";
import { startServer, type RunningServer } from "../support/server";

const owner = {
  organisation: "Acme Robotics",
  name: "Olive Owner",
  email: "olive@acme.test",
  password: "a long and memorable passphrase",
};

let server: RunningServer;
let browser: Browser;
let ownerContext: BrowserContext;
let ownerPage: Page;
let ownerErrors: () => string[];
let secretKey = "";
const requestBodies: string[] = [];

function recordTraffic(page: Page) {
  page.on("request", (request) => {
    requestBodies.push(`${request.url()}\n${request.postData() ?? ""}`);
  });
}

async function newPage(context: BrowserContext) {
  const page = await context.newPage();
  recordTraffic(page);
  return page;
}

beforeAll(async () => {
  server = await startServer({ kind: "pglite", port: 3301 });
  browser = await launchChromium();
  ownerContext = await browser.newContext({ acceptDownloads: true });
  ownerPage = await newPage(ownerContext);
  // A refused sign-in (401) and the setup page after setup (404) are expected answers.
  ownerErrors = watchForErrors(ownerPage, [/401|Unauthorized/i, /status of 404/]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("accounts", () => {
  it("a new installation is set up by its owner, who sees the Emergency Kit first", async () => {
    await ownerPage.goto(server.url);
    await ownerPage.waitForURL(/\/setup$/);
    await ownerPage.getByLabel("Organisation name").fill(owner.organisation);
    await ownerPage.getByLabel("Your name").fill(owner.name);
    await ownerPage.getByLabel("Email").fill(owner.email);
    await ownerPage.getByLabel("Master password", { exact: true }).fill(owner.password);
    await ownerPage.getByLabel("Confirm master password").fill(owner.password);
    await ownerPage.getByRole("button", { name: "Create organisation" }).click();

    await ownerPage.getByRole("heading", { name: "Emergency Kit" }).waitFor({ timeout: 60_000 });
    secretKey = (await ownerPage.getByTestId("secret-key").innerText()).trim();
    expect(secretKey).toMatch(/^C1-[0-9A-Z]{5}(-[0-9A-Z]{1,5})+$/);

    const [download] = await Promise.all([
      ownerPage.waitForEvent("download"),
      ownerPage.getByRole("button", { name: "Download as text" }).click(),
    ]);
    const kitText = fs.readFileSync((await download.path()) ?? "", "utf8");
    expect(kitText).toContain(secretKey);
    expect(kitText).toContain(owner.email);
    expect(kitText).not.toContain(owner.password);

    // The account is not usable until the kit is acknowledged.
    const continueButton = ownerPage.getByRole("button", { name: "Continue" });
    expect(await continueButton.isDisabled()).toBe(true);
    await ownerPage.getByLabel("I have saved my Emergency Kit").check();
    await continueButton.click();
    await ownerPage.getByRole("heading", { name: /Welcome/ }).waitFor({ timeout: 60_000 });

    await ownerPage.goto(`${server.url}/setup`);
    expect(await ownerPage.getByRole("button", { name: "Create organisation" }).count()).toBe(0);
  });

  it("the owner signs out, and a wrong master password shows a clear error", async () => {
    await ownerPage.goto(`${server.url}/home`);
    await ownerPage.getByRole("button", { name: "Sign out", exact: true }).click();
    await ownerPage.waitForURL(/\/signin/);

    await submitSignIn(ownerPage, server.url, {
      email: owner.email,
      password: "not the password at all",
    });
    const alert = ownerPage.getByRole("alert").filter({ hasText: /wrong|not correct|incorrect/i });
    await alert.waitFor({ timeout: 60_000 });
    expect(ownerPage.url()).toContain("/signin");
  });

  it("signs back in on the same device without asking for the Secret Key", async () => {
    await ownerPage.goto(`${server.url}/signin`);
    expect(await ownerPage.getByLabel("Secret Key").count()).toBe(0);
    await submitSignIn(ownerPage, server.url, owner);
    await ownerPage.getByRole("heading", { name: /Welcome/ }).waitFor({ timeout: 60_000 });
  });

  it("locks on request and after a reload, and unlocks with the master password", async () => {
    await ownerPage.getByRole("button", { name: "Lock now" }).click();
    await ownerPage.getByRole("heading", { name: "Coffer is locked" }).waitFor();
    await ownerPage.getByLabel("Master password", { exact: true }).fill("wrong password here");
    await ownerPage.getByRole("button", { name: "Unlock" }).click();
    await ownerPage
      .getByRole("alert")
      .filter({ hasText: /not correct/i })
      .waitFor({ timeout: 60_000 });
    await ownerPage.getByLabel("Master password", { exact: true }).fill(owner.password);
    await ownerPage.getByRole("button", { name: "Unlock" }).click();
    await ownerPage.getByRole("heading", { name: /Welcome/ }).waitFor({ timeout: 60_000 });

    // A reload keeps the session but not the keys, which live only in memory.
    await ownerPage.reload();
    await ownerPage.getByRole("heading", { name: "Coffer is locked" }).waitFor();
    await ownerPage.getByLabel("Master password", { exact: true }).fill(owner.password);
    await ownerPage.getByRole("button", { name: "Unlock" }).click();
    await ownerPage.getByRole("heading", { name: /Welcome/ }).waitFor({ timeout: 60_000 });
  });

  it("locks itself after the idle period", async () => {
    await ownerPage.evaluate(() => localStorage.setItem("coffer.idleLockMinutes", "0.1"));
    await ownerPage.reload();
    await ownerPage.getByLabel("Master password", { exact: true }).fill(owner.password);
    await ownerPage.getByRole("button", { name: "Unlock" }).click();
    await ownerPage.getByRole("heading", { name: /Welcome/ }).waitFor({ timeout: 60_000 });
    await ownerPage.getByRole("heading", { name: "Coffer is locked" }).waitFor({ timeout: 15_000 });
    // Back to the default period, and a reload so no six-second timer outlives this test.
    await ownerPage.evaluate(() => localStorage.removeItem("coffer.idleLockMinutes"));
    await ownerPage.reload();
    await ownerPage.getByLabel("Master password", { exact: true }).fill(owner.password);
    await ownerPage.getByRole("button", { name: "Unlock" }).click();
    await ownerPage.getByRole("heading", { name: /Welcome/ }).waitFor({ timeout: 60_000 });
  });

  it("a new device asks for the Secret Key from the kit", async () => {
    const context = await browser.newContext();
    const page = await newPage(context);
    await page.goto(`${server.url}/signin`);
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Email").blur();
    await page.getByLabel("Secret Key").waitFor();
    await submitSignIn(page, server.url, { ...owner, secretKey });
    await page.getByRole("heading", { name: /Welcome/ }).waitFor({ timeout: 60_000 });
    await context.close();
  });

  it("an invited colleague joins through the link and sees their own kit", async () => {
    // In-app navigation keeps the keys; a full page load would lock the app.
    await ownerPage.getByRole("link", { name: "People" }).click();
    await ownerPage.waitForURL(/\/admin\/people$/);
    await ownerPage.getByLabel("Email").fill("bea@acme.test");
    await ownerPage.getByRole("button", { name: "Create invite" }).click();
    const link = ownerPage.getByLabel("Invite link");
    await link.waitFor();
    const inviteUrl = (await link.inputValue()).trim();
    expect(inviteUrl).toMatch(/^http:\/\/127\.0\.0\.1:3301\/join#[A-Za-z0-9_-]{43}$/);

    const context = await browser.newContext();
    const page = await newPage(context);
    await page.goto(inviteUrl);
    await page.getByLabel("Your name").fill("Bea Builder");
    await page.getByLabel("Master password", { exact: true }).fill("bea's own long passphrase");
    await page.getByLabel("Confirm master password").fill("bea's own long passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "Emergency Kit" }).waitFor({ timeout: 60_000 });
    await page.getByLabel("I have saved my Emergency Kit").check();
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { name: /Welcome/ }).waitFor({ timeout: 60_000 });

    // The link is single-use.
    const reuse = await context.newPage();
    await reuse.goto(inviteUrl);
    await reuse
      .getByRole("alert")
      .filter({ hasText: /invalid|expired|used/i })
      .waitFor();
    await context.close();
  });

  it("a session revoked from another browser is signed out on its next navigation", async () => {
    const otherContext = await browser.newContext();
    const otherPage = await newPage(otherContext);
    await submitSignIn(otherPage, server.url, { ...owner, secretKey });
    await otherPage.getByRole("heading", { name: /Welcome/ }).waitFor({ timeout: 60_000 });

    await otherPage.getByRole("link", { name: "Settings" }).click();
    await otherPage.waitForURL(/\/settings$/);
    await otherPage.getByRole("button", { name: "Sign out other sessions" }).click();
    await otherPage
      .getByRole("dialog")
      .getByRole("button", { name: /Sign out/ })
      .click();
    await otherPage
      .getByText(/signed out/i)
      .first()
      .waitFor();

    await ownerPage.goto(`${server.url}/settings`);
    await ownerPage.waitForURL(/\/signin/);
    await otherContext.close();
  });

  it("never sends the master password or the Secret Key to the server", () => {
    const traffic = requestBodies.join("\n");
    expect(traffic.length).toBeGreaterThan(1000);
    for (const secret of [
      owner.password,
      "bea's own long passphrase",
      secretKey,
      secretKey.replace(/-/g, ""),
    ]) {
      expect(traffic.includes(secret), `leaked ${secret.slice(0, 4)}…`).toBe(false);
    }
    expect(ownerErrors(), ownerErrors().join("\n")).toEqual([]);
  });
});
