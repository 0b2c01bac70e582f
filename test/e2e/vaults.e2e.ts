// Vaults as a team meets them: the owner creates a vault and a login with a one-time code,
// reveals and copies it, edits it and reads the history; a colleague joins, is shared the vault
// after a fingerprint check and opens it; then is removed, the key rotates and access is gone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, watchForErrors } from "../support/browser";
import { setUpOwnerInBrowser } from "../support/browser-flows";
import { startServer, type RunningServer } from "../support/server";
import { openFromNav } from "../support/e2e-steps";

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
const login = {
  title: "Deploy bot",
  username: "deploy@acme.test",
  password: "first-Secret-value-42",
  newPassword: "second-Secret-value-43",
  totpSeed: "JBSWY3DPEHPK3PXP",
};
const vaultName = "Production servers";
// Screens are saved for a person to look at when VAULT_SCREENSHOTS names a directory.
const screenshots = process.env.VAULT_SCREENSHOTS;

let server: RunningServer;
let browser: Browser;
let ownerContext: BrowserContext;
let ownerPage: Page;
let memberContext: BrowserContext;
let memberPage: Page;
let ownerErrors: () => string[];
let memberErrors: () => string[];
let memberFingerprint = "";
const requestBodies: string[] = [];

async function newPage(context: BrowserContext) {
  const page = await context.newPage();
  page.on("request", (request) => {
    requestBodies.push(`${request.url()}\n${request.postData() ?? ""}`);
  });
  return page;
}

async function snap(page: Page, name: string) {
  if (screenshots)
    await page.screenshot({ path: `${screenshots}/vault-${name}.png`, fullPage: true });
}

/** Client-side navigation through the main menu: a full page load would lock the keys. */

async function fieldGroup(page: Page, name: string) {
  return page.getByRole("group", { name, exact: true });
}

beforeAll(async () => {
  server = await startServer({ kind: "pglite", port: 3302 });
  browser = await launchChromium();
  ownerContext = await browser.newContext();
  await ownerContext.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: server.url,
  });
  ownerPage = await newPage(ownerContext);
  ownerErrors = watchForErrors(ownerPage);
  memberContext = await browser.newContext();
  memberPage = await newPage(memberContext);
  // The removed member's last fetch of the vault is answered 404, which the browser logs.
  memberErrors = watchForErrors(memberPage, [/404/]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("vaults", () => {
  it("the owner sets up the installation and finds no vaults yet", async () => {
    await setUpOwnerInBrowser(ownerPage, server.url, owner);

    await openFromNav(ownerPage, "Vaults");
    await ownerPage.getByText("No vaults yet — create your first vault").waitFor();
    await snap(ownerPage, "01-empty");
  });

  it("creates a vault whose name only the browser can read", async () => {
    await ownerPage.getByRole("button", { name: "New vault" }).first().click();
    await ownerPage.getByLabel("Vault name").fill(vaultName);
    await ownerPage.getByLabel("Environment").selectOption("production");
    await snap(ownerPage, "02-new-vault");
    await ownerPage.getByRole("button", { name: "Create vault" }).click();
    await ownerPage.getByRole("heading", { name: vaultName }).waitFor();
    expect(await ownerPage.getByText("Production", { exact: true }).count()).toBeGreaterThan(0);
  });

  it("adds a login with a one-time code, reveals and copies the password", async () => {
    await ownerPage.getByRole("button", { name: "New item" }).click();
    await ownerPage.getByRole("dialog").getByRole("link", { name: "Login" }).click();
    await ownerPage.getByLabel("Title").fill(login.title);
    await ownerPage.getByLabel("Username").fill(login.username);
    await ownerPage.getByLabel("Password", { exact: true }).fill(login.password);
    await ownerPage.getByLabel("One-time code").fill(login.totpSeed);
    await snap(ownerPage, "03-new-login");
    await ownerPage.getByRole("button", { name: "Save", exact: true }).click();
    await ownerPage.getByRole("heading", { name: login.title }).waitFor();

    expect(await ownerPage.getByTestId("totp-code").innerText()).toMatch(/^\d{3} \d{3}$/);
    const password = await fieldGroup(ownerPage, "Password (secret)");
    expect(await password.innerText()).not.toContain(login.password);
    await password.getByRole("button", { name: "Reveal" }).click();
    await password.getByText(login.password).waitFor();
    await password.getByRole("button", { name: "Copy" }).click();
    await password.getByRole("button", { name: "Copied" }).waitFor();
    expect(await ownerPage.evaluate(() => navigator.clipboard.readText())).toBe(login.password);
    await snap(ownerPage, "04-login");
  });

  it("an edit becomes revision 2, and the history shows what changed", async () => {
    await ownerPage.getByRole("button", { name: "Edit" }).click();
    await ownerPage.getByLabel("Password", { exact: true }).fill(login.newPassword);
    await ownerPage.getByRole("button", { name: "Save", exact: true }).click();
    await ownerPage.getByText("Saved as revision 2.").waitFor();

    await ownerPage.getByRole("button", { name: "History" }).click();
    const diff = ownerPage.getByTestId("diff-row").filter({ hasText: "Password" });
    await diff.waitFor();
    expect(await diff.innerText()).not.toContain(login.newPassword);
    await ownerPage.getByRole("button", { name: "Reveal" }).last().click();
    await diff.getByText(login.newPassword).waitFor();
    await diff.getByText(login.password).waitFor();
    await snap(ownerPage, "05-history");
  });

  it("a colleague joins through an invite", async () => {
    await openFromNav(ownerPage, "People");
    await ownerPage.getByLabel("Email").fill(member.email);
    await ownerPage.getByRole("button", { name: "Create invite" }).click();
    const link = ownerPage.getByTestId("invite-link");
    await link.waitFor();
    const inviteUrl = (await link.inputValue()).trim();
    expect(inviteUrl).toContain("/join#");

    await memberPage.goto(inviteUrl);
    await memberPage.getByLabel("Your name").fill(member.name);
    await memberPage.getByLabel("Master password", { exact: true }).fill(member.password);
    await memberPage.getByLabel("Confirm master password").fill(member.password);
    await memberPage.getByRole("button", { name: "Create account" }).click();
    await memberPage.getByLabel("I have saved my Emergency Kit").check({ timeout: 60_000 });
    await memberPage.getByRole("button", { name: "Continue" }).click();
    await memberPage.getByRole("heading", { name: /Welcome/ }).waitFor({ timeout: 60_000 });
    memberFingerprint = (await memberPage.getByTestId("fingerprint").innerText()).trim();
    expect(memberFingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){9}$/);
  });

  it("the owner shares the vault after comparing the colleague's fingerprint", async () => {
    await openFromNav(ownerPage, "Vaults");
    await ownerPage
      .getByRole("list", { name: "Your vaults" })
      .getByRole("link", { name: new RegExp(vaultName) })
      .click();
    await ownerPage.getByRole("tab", { name: "Members" }).click();
    await ownerPage.getByRole("button", { name: "Add member" }).click();
    const dialog = ownerPage.getByRole("dialog");
    await dialog.getByLabel("Person").selectOption({ label: `${member.name} <${member.email}>` });
    expect((await dialog.getByTestId("share-fingerprint").innerText()).trim()).toBe(
      memberFingerprint,
    );
    const share = dialog.getByRole("button", { name: "Share" });
    expect(await share.isDisabled()).toBe(true);
    await dialog.getByLabel("I compared the fingerprint").check();
    await dialog.getByLabel("Role").selectOption("edit");
    await snap(ownerPage, "06-share");
    await share.click();
    const row = ownerPage.getByTestId("member-row").filter({ hasText: member.email });
    await row.waitFor();
    await row.getByText("Confirmed").waitFor();
    await snap(ownerPage, "07-members");
  });

  it("the colleague opens the shared vault and reads the login", async () => {
    await openFromNav(memberPage, "Vaults");
    await memberPage
      .getByRole("list", { name: "Your vaults" })
      .getByRole("link", { name: new RegExp(vaultName) })
      .click();
    await memberPage
      .getByText(/unconfirmed/i)
      .first()
      .waitFor();
    await memberPage.getByRole("link", { name: new RegExp(login.title) }).click();
    const password = await fieldGroup(memberPage, "Password (secret)");
    await password.getByRole("button", { name: "Reveal" }).click();
    await password.getByText(login.newPassword).waitFor();
    await snap(memberPage, "08-member-item");
  });

  it("removing the colleague rotates the key, and they lose access", async () => {
    await ownerPage
      .getByTestId("member-row")
      .filter({ hasText: member.email })
      .getByRole("button", { name: "Remove" })
      .click();
    await ownerPage
      .getByRole("dialog")
      .getByRole("button", { name: "Remove and rotate key" })
      .click();
    await ownerPage.getByText(`Key rotated; ${member.email} no longer has access.`).waitFor();
    expect(
      await ownerPage.getByTestId("member-row").filter({ hasText: member.email }).count(),
    ).toBe(0);
    await ownerPage.getByText("key version 2").waitFor();
    await snap(ownerPage, "09-removed");

    await openFromNav(memberPage, "Vaults");
    await memberPage.getByText("No vaults yet — create your first vault").waitFor();
    const vaultUrl = new URL(ownerPage.url()).pathname;
    const status = await memberPage.evaluate(
      (path) => fetch(`/api/v1${path}`).then((response) => response.status),
      vaultUrl,
    );
    expect(status).toBe(404);
    await snap(memberPage, "10-member-after");

    // The owner still reads everything under the new key.
    await ownerPage.getByRole("tab", { name: "Items" }).click();
    await ownerPage.getByRole("link", { name: new RegExp(login.title) }).click();
    const password = await fieldGroup(ownerPage, "Password (secret)");
    await password.getByRole("button", { name: "Reveal" }).click();
    await password.getByText(login.newPassword).waitFor();
  });

  it("the audit log shows the vault's history and its chain verifies", async () => {
    await openFromNav(ownerPage, "Audit log");
    await ownerPage.getByRole("heading", { name: "Audit log" }).waitFor();
    await ownerPage.getByLabel("Event").selectOption("vault.");
    await ownerPage.getByRole("button", { name: "Apply filters" }).click();
    for (const label of [
      "Vault created",
      "Vault shared",
      "Removed from vault",
      "Vault key rotated",
    ]) {
      await ownerPage
        .getByRole("cell", { name: new RegExp(label) })
        .first()
        .waitFor();
    }
    await ownerPage.getByRole("button", { name: "Verify chain" }).click();
    await ownerPage.getByText(/The audit chain is intact/).waitFor();
  });

  it("never sends a secret value or a vault name to the server in the clear", () => {
    const traffic = requestBodies.join("\n");
    for (const secret of [
      login.password,
      login.newPassword,
      login.totpSeed,
      vaultName,
      login.title,
    ]) {
      expect(traffic.includes(secret), `leaked ${secret.slice(0, 4)}…`).toBe(false);
    }
    expect(ownerErrors()).toEqual([]);
    expect(memberErrors()).toEqual([]);
  });
});
