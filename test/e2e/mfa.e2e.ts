// Security keys as a person meets them: the owner adds a key from Settings and saves the
// recovery codes, adds a backup key, and from then on confirms each sign-in with a key; until
// they do, the API gives nothing away. A recovery code works once. A key is removed with the
// other one's say-so, and new recovery codes need a fresh key check. A colleague who joins
// once keys are required adds one before reaching home, without unlocking twice.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, watchForErrors } from "../support/browser";
import { setUpOwnerInBrowser, submitSignIn, waitForHome } from "../support/browser-flows";
import { startServer, type RunningServer } from "../support/server";
import {
  addVirtualAuthenticator,
  confirmSignInWithKey,
  confirmStepUp,
  enrolSecurityKeyOnMfaPage,
  saveRecoveryCodes,
  setKeyTouched,
  unplugKey,
  type VirtualKey,
} from "../support/webauthn-browser";
import { openFromNav, apiStatus, waitForStepUpToLapse } from "../support/e2e-steps";

const owner = {
  organisation: "Acme Robotics",
  name: "Olive Owner",
  email: "olive@acme.test",
  password: "a long and memorable passphrase",
};
const member = { name: "Bea Builder", password: "bea's own long passphrase" };
const vaultName = "Team secrets";
const codePattern = /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: () => string[];
let firstKey: VirtualKey;
let backupKey: VirtualKey;
let recoveryCodes: string[] = [];

/** Client-side navigation through the main menu: a full page load would lock the keys. */

async function openSecurityKeys() {
  await openFromNav(page, "Settings");
  await page.getByRole("link", { name: "Manage security keys" }).click();
  await page.waitForURL(/\/settings\/security$/);
  await page.getByRole("heading", { name: "Security keys", level: 1 }).waitFor();
}

function keyRow(nickname: string) {
  return page
    .getByRole("list", { name: "Security keys" })
    .getByRole("listitem")
    .filter({ hasText: nickname });
}

async function signOutFromShell() {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.waitForURL(/\/signin/);
}

/** The status and error code of a GET from the page, with its cookies. */

/** Waits until the last key check no longer covers sensitive actions. */

beforeAll(async () => {
  server = await startServer({
    kind: "pglite",
    port: 3304,
    // WebAuthn refuses an IP address as relying-party id.
    publicHost: "localhost",
    // A key check covers sensitive actions for 30 s here, so the spec can see one lapse.
    env: { COFFER_STEP_UP_MINUTES: "0.5" },
  });
  browser = await launchChromium();
  context = await browser.newContext({ acceptDownloads: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  page = await context.newPage();
  // Expected refusals: the API while the key step waits and a spent recovery code (403), the
  // step-up asked for before a retry (403), and the API after signing out (401).
  errors = watchForErrors(page, [/status of 403/, /status of 401/]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("security keys", () => {
  it("the owner sets up Coffer and keeps a vault", async () => {
    await setUpOwnerInBrowser(page, server.url, owner);
    await openFromNav(page, "Vaults");
    await page.getByRole("button", { name: "New vault" }).first().click();
    await page.getByLabel("Vault name").fill(vaultName);
    await page.getByRole("button", { name: "Create vault" }).click();
    await page.getByRole("heading", { name: vaultName }).waitFor();
  });

  it("adds a security key from Settings and saves the recovery codes", async () => {
    firstKey = await addVirtualAuthenticator(context, page);
    await openSecurityKeys();
    await page.getByText("No security keys yet").waitFor();

    await page.getByLabel("Key nickname").fill("Olive's YubiKey");
    await page.getByRole("button", { name: "Add security key" }).click();
    await page.getByRole("heading", { name: "Save your recovery codes" }).waitFor();

    const shown = (await page.getByTestId("recovery-code").allInnerTexts()).map((code) =>
      code.trim(),
    );
    expect(shown).toHaveLength(10);
    for (const code of shown) expect(code).toMatch(codePattern);
    expect(new Set(shown).size).toBe(10);

    await page.getByRole("button", { name: "Copy" }).click();
    await page.getByText("Copied to the clipboard.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown.join("\n"));

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.txt$/);
    const file = fs.readFileSync((await download.path()) ?? "", "utf8");
    for (const code of shown) expect(file).toContain(code);

    // Nothing moves on until the person says the codes are saved.
    expect(await page.getByRole("button", { name: "Done" }).isDisabled()).toBe(true);
    recoveryCodes = await saveRecoveryCodes(page, "Done");
    expect(recoveryCodes).toEqual(shown);

    const row = keyRow("Olive's YubiKey");
    await row.waitFor();
    await row.getByText(/Last used Never/).waitFor();
    await row.getByText(/USB/).waitFor();
    await page.getByText("Add a backup key").waitFor();
    await page.getByText("10 of 10 recovery codes left").waitFor();
  });

  it("adds a backup key, which needs no new codes, and renames it inline", async () => {
    backupKey = await addVirtualAuthenticator(context, page);
    // The first key holds a credential the registration excludes: only the new key is touched.
    await setKeyTouched(firstKey, false);
    const nickname = page.getByLabel("Key nickname");
    expect(await nickname.inputValue()).toBe("Backup key");
    await page.getByRole("button", { name: "Add security key" }).click();
    await keyRow("Backup key").waitFor({ timeout: 30_000 });
    await setKeyTouched(firstKey, true);
    expect(await page.getByRole("heading", { name: "Save your recovery codes" }).count()).toBe(0);
    expect(await page.getByText("Add a backup key").count()).toBe(0);
    expect(
      await page.getByRole("list", { name: "Security keys" }).getByRole("listitem").count(),
    ).toBe(2);

    // Escape leaves the name as it was; Enter saves the new one.
    await page.getByRole("button", { name: "Rename Backup key" }).click();
    const input = page.getByLabel("New nickname for Backup key");
    await input.fill("Drawer key");
    await input.press("Escape");
    await keyRow("Backup key").waitFor();
    // The keyboard focus goes back where it was.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? null))
      .toBe("Rename Backup key");

    await page.getByRole("button", { name: "Rename Backup key" }).click();
    await page.getByLabel("New nickname for Backup key").fill("Spare YubiKey");
    await page.getByLabel("New nickname for Backup key").press("Enter");
    await keyRow("Spare YubiKey").waitFor();
    await page.getByText("Renamed to Spare YubiKey.").waitFor();
  });

  it("signing in asks for the key, then opens the vaults", async () => {
    await signOutFromShell();
    await submitSignIn(page, server.url, owner);
    await page.getByRole("heading", { name: "Confirm it's you" }).waitFor({ timeout: 60_000 });
    // The key prompt waits for the person; the keyboard is ready on its button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Use security key");
    await confirmSignInWithKey(page);
    await waitForHome(page);
    await openFromNav(page, "Vaults");
    await page.getByRole("list", { name: "Your vaults" }).getByText(vaultName).waitFor();
  });

  it("while the key step waits, the API refuses everything but that step", async () => {
    await signOutFromShell();
    await submitSignIn(page, server.url, owner);
    await page.getByRole("heading", { name: "Confirm it's you" }).waitFor({ timeout: 60_000 });
    for (const path of ["/api/v1/vaults", "/api/v1/account/keys"]) {
      expect(await apiStatus(page, path), path).toEqual({ status: 403, code: "mfa_pending" });
    }
    expect((await apiStatus(page, "/api/v1/mfa")).status).toBe(200);

    // A page load mid-way lands on /mfa, outside the app and its unlock screen.
    await page.goto(`${server.url}/vaults`);
    await page.waitForURL(/\/mfa$/);
    await page.getByRole("heading", { name: "Confirm it's you" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Main" }).count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Coffer is locked" }).count()).toBe(0);
  });

  it("without the key plugged in, the step says so and stays", async () => {
    const firstCredentials = await unplugKey(firstKey);
    const backupCredentials = await unplugKey(backupKey);
    const prompt = page.waitForResponse(/\/api\/v1\/mfa\/assertion\/options$/);
    await page.getByRole("button", { name: "Use security key" }).click();
    await prompt;
    await page.getByRole("button", { name: "Waiting for your security key…" }).waitFor();
    // The browser would wait two minutes for a key; the person can stop waiting.
    await page.waitForTimeout(500);
    expect(await page.getByRole("button", { name: "Waiting for your security key…" }).count()).toBe(
      1,
    );
    await page.getByRole("button", { name: "Stop waiting" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Stopped waiting for your security key" })
      .waitFor();

    // A key that is not one of theirs is refused in words, not in browser jargon.
    const stranger = await addVirtualAuthenticator(context, page);
    await page.getByRole("button", { name: "Use security key" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "No security key registered to your account answered" })
      .waitFor({ timeout: 30_000 });
    await unplugKey(stranger);
    expect(page.url()).toMatch(/\/mfa$/);
    await page.getByRole("heading", { name: "Confirm it's you" }).waitFor();

    firstKey = await addVirtualAuthenticator(context, page, firstCredentials);
    backupKey = await addVirtualAuthenticator(context, page, backupCredentials);
    await page.getByRole("button", { name: "Use security key" }).click();
    // After a page load the keys are not in memory yet: home asks for the master password.
    await page.getByRole("heading", { name: "Coffer is locked" }).waitFor({ timeout: 30_000 });
    await page.getByLabel("Master password", { exact: true }).fill(owner.password);
    await page.getByRole("button", { name: "Unlock" }).click();
    await waitForHome(page);
  });

  it("a recovery code signs in once; the same code again is refused", async () => {
    const code = recoveryCodes[0] ?? "";
    await signOutFromShell();
    await submitSignIn(page, server.url, owner);
    await page.getByRole("heading", { name: "Confirm it's you" }).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Use a recovery code" }).click();
    await page.getByLabel("Recovery code").fill(code.toLowerCase());
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await waitForHome(page);

    await signOutFromShell();
    await submitSignIn(page, server.url, owner);
    await page.getByRole("button", { name: "Use a recovery code" }).click({ timeout: 60_000 });
    await page.getByLabel("Recovery code").fill(code);
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "That recovery code is not valid or was already used." })
      .waitFor();
    await page.getByRole("heading", { name: "Confirm it's you" }).waitFor();

    // Cancel ends the half-done sign-in: the session is gone, the form is back.
    await page.getByRole("button", { name: "Cancel" }).click();
    await page.getByText("Sign-in cancelled. You are signed out.").waitFor();
    expect((await apiStatus(page, "/api/v1/mfa")).status).toBe(401);

    await submitSignIn(page, server.url, owner);
    await confirmSignInWithKey(page);
    await waitForHome(page);
    await openSecurityKeys();
    await page.getByText("9 of 10 recovery codes left").waitFor();
  });

  it("removing a key asks for the other one", async () => {
    await page.getByRole("button", { name: "Remove Olive's YubiKey" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove Olive's YubiKey?" });
    await dialog.getByText(/Confirm with another of your keys/).waitFor();
    // The key being removed cannot vouch for itself: only the other one is touched.
    await setKeyTouched(firstKey, false);
    await dialog.getByRole("button", { name: "Remove key" }).click();
    await dialog.waitFor({ state: "hidden", timeout: 30_000 });
    await page.getByText("Removed Olive's YubiKey.").waitFor();
    // The list reloads after the message: wait for the row to go rather than count at once.
    await keyRow("Olive's YubiKey").waitFor({ state: "detached" });
    await keyRow("Spare YubiKey")
      .getByText(/Last used (just now|\d+ seconds? ago)/)
      .waitFor();
    await page.getByText("Add a backup key").waitFor();
  });

  it("new recovery codes need a fresh key check, and replace the old ones", async () => {
    await waitForStepUpToLapse(page);
    await page.getByRole("button", { name: "Regenerate recovery codes" }).click();
    const confirm = page.getByRole("dialog", { name: "Regenerate recovery codes?" });
    await confirm.getByRole("button", { name: "Regenerate codes" }).click();

    // Declining the key check leaves the old codes in place.
    const stepUp = page.getByRole("dialog", { name: "Confirm with your security key" });
    await stepUp.getByText("Confirm this action with your security key.").waitFor();
    await stepUp.getByRole("button", { name: "Cancel" }).click();
    await confirm.getByText("Cancelled.").waitFor();

    await confirm.getByRole("button", { name: "Regenerate codes" }).click();
    await confirmStepUp(page);
    const fresh = await saveRecoveryCodes(page, "Done");
    expect(fresh).toHaveLength(10);
    expect(fresh.some((code) => recoveryCodes.includes(code))).toBe(false);
    await page.getByText("10 of 10 recovery codes left").waitFor();
    recoveryCodes = fresh;
  });

  it("a colleague who joins once keys are required adds one before reaching home", async () => {
    // The owner's key check of a moment ago still covers this policy change.
    const policy = await page.evaluate(() =>
      fetch("/api/v1/admin/mfa", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ requireMfa: "everyone", graceDays: 0, userVerification: false }),
      }).then((response) => response.status),
    );
    expect(policy).toBe(200);

    await openFromNav(page, "People");
    await page.getByLabel("Email").fill("bea@acme.test");
    await page.getByRole("button", { name: "Create invite" }).click();
    const inviteUrl = (await page.getByLabel("Invite link").inputValue()).trim();

    const memberContext = await browser.newContext();
    const memberPage = await memberContext.newPage();
    const memberErrors = watchForErrors(memberPage);
    try {
      await addVirtualAuthenticator(memberContext, memberPage);
      await memberPage.goto(inviteUrl);
      await memberPage.getByLabel("Your name").fill(member.name);
      await memberPage.getByLabel("Master password", { exact: true }).fill(member.password);
      await memberPage.getByLabel("Confirm master password").fill(member.password);
      await memberPage.getByRole("button", { name: "Create account" }).click();
      await memberPage.getByLabel("I have saved my Emergency Kit").check({ timeout: 60_000 });
      await memberPage.getByRole("button", { name: "Continue" }).click();

      await memberPage.waitForURL(/\/mfa$/, { timeout: 60_000 });
      await memberPage.getByText(/Your organisation requires a security key/).waitFor();
      const codes = await enrolSecurityKeyOnMfaPage(memberPage, "Bea's YubiKey");
      expect(codes).toHaveLength(10);
      // The keys made at sign-up stayed in memory through /mfa: no unlock screen.
      await waitForHome(memberPage);
      expect(await memberPage.getByRole("heading", { name: "Coffer is locked" }).count()).toBe(0);
      expect(memberErrors(), memberErrors().join("\n")).toEqual([]);
    } finally {
      await memberContext.close();
    }
  });

  it("logged no unexpected errors", () => {
    expect(errors(), errors().join("\n")).toEqual([]);
  });
});
