// The security-key policy as an admin and a member meet it: a grace period lets people keep
// working; requiring keys from everyone at once limits a member without one to enrolment on
// their next request, in the browser and in the API alike; the member adds a key and is back;
// the admin watches it happen on the compliance view, exports the audit log and resets a
// person's keys, confirming each sensitive action with the owner's own key.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, watchForErrors } from "../support/browser";
import { setUpOwnerInBrowser, waitForHome } from "../support/browser-flows";
import { startServer, type RunningServer } from "../support/server";
import {
  addVirtualAuthenticator,
  confirmStepUp,
  enrolSecurityKeyOnMfaPage,
  saveRecoveryCodes,
} from "../support/webauthn-browser";
import { openFromNav, apiStatus, waitForStepUpToLapse } from "../support/e2e-steps";

const owner = {
  organisation: "Acme Robotics",
  name: "Olive Owner",
  email: "olive@acme.test",
  password: "a long and memorable passphrase",
};
const member = {
  name: "Bea Builder",
  email: "bea@acme.test",
  password: "bea's own long passphrase",
};

let server: RunningServer;
let browser: Browser;
let ownerContext: BrowserContext;
let ownerPage: Page;
let memberContext: BrowserContext;
let memberPage: Page;
let ownerErrors: () => string[];
let memberErrors: () => string[];
const policyWrites: string[] = [];

/** Client-side navigation through the main menu: a full page load would lock the keys. */

/**
 * After a full page load the keys are gone: unlocks with the master password if asked, and
 * waits for the page's own `heading`.
 */
async function unlockIfLocked(page: Page, password: string, heading: RegExp | string) {
  const locked = page.getByRole("heading", { name: "Coffer is locked" });
  const content = page.getByRole("heading", { name: heading });
  await locked.or(content).first().waitFor({ timeout: 60_000 });
  if (await locked.isVisible()) {
    await page.getByLabel("Master password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Unlock" }).click();
  }
  await content.first().waitFor({ timeout: 60_000 });
}

function personRow(page: Page, name: string) {
  return page.getByRole("row").filter({ hasText: name });
}

/** Waits until the owner's last key check no longer covers sensitive actions. */

/** The status and error code of a GET from the page, with its cookies. */

beforeAll(async () => {
  server = await startServer({
    kind: "pglite",
    port: 3305,
    // WebAuthn refuses an IP address as relying-party id.
    publicHost: "localhost",
    // A key check covers sensitive actions for six seconds here, so each one can be seen
    // asking for the key again.
    env: { COFFER_STEP_UP_MINUTES: "0.1" },
  });
  browser = await launchChromium();
  ownerContext = await browser.newContext({ acceptDownloads: true });
  ownerPage = await ownerContext.newPage();
  ownerPage.on("request", (request) => {
    if (request.method() === "PUT" && request.url().endsWith("/api/v1/admin/mfa")) {
      policyWrites.push(request.postData() ?? "");
    }
  });
  // Each sensitive action is first refused with 403 step_up_required, then retried.
  ownerErrors = watchForErrors(ownerPage, [/status of 403/]);
  memberContext = await browser.newContext();
  memberPage = await memberContext.newPage();
  // Out of policy, the member's requests are refused (403); after a reset, signed out (401).
  memberErrors = watchForErrors(memberPage, [/status of 403/, /status of 401/]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("security key policy", () => {
  it("the owner sets up Coffer and a member joins through an invite", async () => {
    await setUpOwnerInBrowser(ownerPage, server.url, owner);
    await openFromNav(ownerPage, "People");
    await ownerPage.getByLabel("Email").fill(member.email);
    await ownerPage.getByRole("button", { name: "Create invite" }).click();
    const link = ownerPage.getByLabel("Invite link");
    await link.waitFor();
    const inviteUrl = (await link.inputValue()).trim();

    await memberPage.goto(inviteUrl);
    await memberPage.getByLabel("Your name").fill(member.name);
    await memberPage.getByLabel("Master password", { exact: true }).fill(member.password);
    await memberPage.getByLabel("Confirm master password").fill(member.password);
    await memberPage.getByRole("button", { name: "Create account" }).click();
    await memberPage.getByLabel("I have saved my Emergency Kit").check({ timeout: 60_000 });
    await memberPage.getByRole("button", { name: "Continue" }).click();
    await waitForHome(memberPage);
  });

  it("the admin menu leads to Security, where nobody needs a key yet", async () => {
    const nav = ownerPage.getByRole("navigation", { name: "Main" });
    const labels = await nav.getByRole("link").allInnerTexts();
    expect(labels.indexOf("Security")).toBe(labels.indexOf("People") + 1);
    expect(labels.indexOf("Audit log")).toBe(labels.indexOf("Security") + 1);

    await openFromNav(ownerPage, "Security");
    await ownerPage.waitForURL(/\/admin\/security$/);
    await ownerPage.getByRole("heading", { name: "Security", level: 1 }).waitFor();
    expect(await ownerPage.getByRole("radio", { name: "Off" }).isChecked()).toBe(true);
    expect(
      await ownerPage
        .getByRole("checkbox", { name: "Require a PIN or biometric on the key" })
        .isChecked(),
    ).toBe(false);
    await ownerPage.getByText("2 of 2 people comply").waitFor();
    await personRow(ownerPage, member.name).getByText("Not required").waitFor();
    expect(await personRow(ownerPage, member.name).getByText("Never").count()).toBe(1);
    // Nobody has keys to reset, and nobody is out of compliance.
    expect(await ownerPage.getByRole("button", { name: /^Reset keys of/ }).count()).toBe(0);
  });

  it("a grace period that is not a number of days is refused inline and nothing is saved", async () => {
    await ownerPage.getByRole("radio", { name: "Everyone" }).check();
    const grace = ownerPage.getByLabel("Grace period (days)");
    await grace.fill("400");
    await ownerPage.getByRole("button", { name: "Save policy" }).click();
    await ownerPage.getByText("Enter a whole number of days from 0 to 365.").waitFor();
    expect(await grace.getAttribute("aria-invalid")).toBe("true");
    await grace.fill("");
    await ownerPage.getByRole("button", { name: "Save policy" }).click();
    await ownerPage.getByText("Enter a whole number of days from 0 to 365.").waitFor();
    expect(policyWrites).toEqual([]);
  });

  it("with a 7-day grace period, a member without a key is in grace and keeps working", async () => {
    await ownerPage.getByLabel("Grace period (days)").fill("7");
    // The owner has no key either: the form says so before saving.
    await ownerPage.getByText("You have no security key yet.").waitFor();
    await ownerPage.getByRole("button", { name: "Save policy" }).click();
    await ownerPage
      .getByRole("status")
      .filter({ hasText: "Policy saved. Everyone must sign in with a security key" })
      .waitFor();
    expect(policyWrites).toHaveLength(1);

    const row = personRow(ownerPage, member.name);
    await row.getByText(/^In grace until \d{1,2} \w{3} \d{4}$/).waitFor();
    await personRow(ownerPage, owner.name)
      .getByText(/^In grace until/)
      .waitFor();
    await ownerPage.getByText("2 of 2 people comply").waitFor();

    // The member's next navigation still reaches the vaults, and so do their API calls.
    await openFromNav(memberPage, "Vaults");
    await memberPage
      .getByText(/No vaults yet/)
      .first()
      .waitFor();
    expect(memberPage.url()).toMatch(/\/vaults$/);
    expect((await apiStatus(memberPage, "/api/v1/vaults")).status).toBe(200);
  });

  it("the owner adds a key of their own first, through the link the policy page offers", async () => {
    await addVirtualAuthenticator(ownerContext, ownerPage);
    await ownerPage.getByRole("link", { name: "Security settings" }).click();
    await ownerPage.getByRole("heading", { name: "Security keys", level: 1 }).waitFor();
    await ownerPage.getByLabel("Key nickname").fill("Olive's YubiKey");
    await ownerPage.getByRole("button", { name: "Add security key" }).click();
    await saveRecoveryCodes(ownerPage, "Done");
    await ownerPage.getByText("Olive's YubiKey").first().waitFor();
  });

  it("requiring keys from everyone at once asks for confirmation and for the owner's key", async () => {
    await openFromNav(ownerPage, "Security");
    await personRow(ownerPage, owner.name).getByText("Enrolled").waitFor();
    await waitForStepUpToLapse(ownerPage, 30_000);

    await ownerPage.getByLabel("Grace period (days)").fill("0");
    await ownerPage.getByRole("button", { name: "Save policy" }).click();
    const confirm = ownerPage.getByRole("dialog", {
      name: "Require a security key from everyone now?",
    });
    await confirm.getByText(/limited to enrolment at their next request/).waitFor();
    await confirm.getByText("1 person has no key yet.").waitFor();
    await confirm.getByRole("button", { name: "Require keys now" }).click();
    await confirmStepUp(ownerPage);
    await ownerPage
      .getByRole("status")
      .filter({ hasText: "Everyone must sign in with a security key, starting now." })
      .waitFor({ timeout: 30_000 });
    expect(JSON.parse(policyWrites.at(-1) ?? "{}")).toEqual({
      requireMfa: "everyone",
      graceDays: 0,
      userVerification: false,
    });

    await personRow(ownerPage, member.name).getByText("Out of compliance").waitFor();
    await personRow(ownerPage, owner.name).getByText("Enrolled").waitFor();
    await ownerPage.getByText("1 of 2 people comply").waitFor();
    await ownerPage.getByRole("button", { name: "Out of compliance (1)" }).click();
    expect(await personRow(ownerPage, owner.name).count()).toBe(0);
    await personRow(ownerPage, member.name).waitFor();
    await ownerPage.getByRole("button", { name: "All (2)" }).click();
  });

  it("the member's next navigation reaches only the enrolment screen", async () => {
    await memberPage.goto(`${server.url}/home`);
    await memberPage.waitForURL(/\/mfa(\?|$)/);
    await memberPage.getByRole("heading", { name: "Add a security key" }).waitFor();
    expect(await memberPage.getByRole("navigation", { name: "Main" }).count()).toBe(0);
    expect(await memberPage.getByRole("link", { name: "Vaults" }).count()).toBe(0);

    await memberPage.goto(`${server.url}/vaults`);
    await memberPage.waitForURL(/\/mfa(\?|$)/);

    for (const path of ["/api/v1/vaults", "/api/v1/account/keys", "/api/v1/directory"]) {
      expect(await apiStatus(memberPage, path), path).toEqual({
        status: 403,
        code: "mfa_enrolment_required",
      });
    }
  });

  it("the member adds a key and is back in", async () => {
    await addVirtualAuthenticator(memberContext, memberPage);
    await enrolSecurityKeyOnMfaPage(memberPage, "Bea's YubiKey");
    await unlockIfLocked(memberPage, member.password, /Welcome/);
    expect((await apiStatus(memberPage, "/api/v1/vaults")).status).toBe(200);
  });

  it("the compliance view shows the member enrolled with one key", async () => {
    await ownerPage.getByRole("button", { name: "Refresh" }).click();
    const row = personRow(ownerPage, member.name);
    await row.getByText("Enrolled").waitFor();
    expect(await row.getByRole("cell").nth(3).innerText()).toBe("1");
    // Added, not yet used to confirm a sign-in.
    expect(await row.getByRole("cell").nth(4).innerText()).toBe("Never");
    await ownerPage.getByText("2 of 2 people comply").waitFor();
  });

  it("exporting the audit log asks for the key, then downloads the file", async () => {
    await openFromNav(ownerPage, "Audit log");
    await ownerPage.getByRole("heading", { name: "Audit log" }).waitFor();
    await waitForStepUpToLapse(ownerPage, 30_000);

    const download = ownerPage.waitForEvent("download", { timeout: 60_000 });
    await ownerPage.getByRole("button", { name: "Export CSV" }).click();
    await confirmStepUp(ownerPage);
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^coffer-audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await file.path()) ?? "", "utf8");
    expect(csv.split("\n")[0]).toBe(
      "seq,at,action,actorKind,actorId,actor,targetType,targetId,target,vaultId,ipAddress,details",
    );
    expect(csv).toContain("policy.mfa_change");
    expect(csv).toContain("mfa.key_add");
  });

  it("resetting the member's keys signs them out and leaves them required to enrol", async () => {
    await openFromNav(ownerPage, "Security");
    expect(
      await ownerPage.getByRole("button", { name: `Reset keys of ${owner.name}` }).count(),
    ).toBe(0);
    await waitForStepUpToLapse(ownerPage, 30_000);
    await ownerPage.getByRole("button", { name: `Reset keys of ${member.name}` }).click();
    const confirm = ownerPage.getByRole("dialog", {
      name: `Reset ${member.name}'s security keys?`,
    });
    await confirm.getByText(/signed out everywhere/).waitFor();
    await confirm.getByRole("button", { name: "Reset keys" }).click();
    await confirmStepUp(ownerPage);
    await ownerPage
      .getByText(/must add a new key at their next sign-in/)
      .first()
      .waitFor();
    const row = personRow(ownerPage, member.name);
    await row.getByText("Out of compliance").waitFor();
    expect(await row.getByRole("cell").nth(3).innerText()).toBe("0");

    await memberPage.goto(`${server.url}/home`);
    await memberPage.waitForURL(/\/signin/);
  });

  it("logged no unexpected errors in either browser", () => {
    expect(ownerErrors(), ownerErrors().join("\n")).toEqual([]);
    expect(memberErrors(), memberErrors().join("\n")).toEqual([]);
  });
});
