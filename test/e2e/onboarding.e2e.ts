// Onboarding as a team meets it: the owner, who requires security keys from everyone, writes a
// checklist template and invites a newcomer to a vault; the newcomer signs up and adds a key;
// the vault's manager (the owner) finds the grant waiting on Home, compares fingerprints and
// grants; the checklist records each step, the owner ticks off the manual ones, the run is
// done, and the newcomer reads the item. The People page follows them from invited to active.
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
import { openFromNav } from "../support/e2e-steps";

const owner = {
  organisation: "Acme Robotics",
  name: "Olive Owner",
  email: "olive@acme.test",
  password: "a long and memorable passphrase",
};
const newcomer = {
  name: "Nina Newcomer",
  email: "nina@acme.test",
  password: "nina's own long passphrase",
};
const vaultName = "Production servers";
const login = { title: "Deploy bot", username: "deploy@acme.test", password: "first-Secret-42" };
const template = {
  name: "Engineering onboarding",
  first: "Order a laptop",
  second: "Book the welcome lunch",
  link: "https://wiki.acme.test/laptops",
};

// Screens are saved for a person to look at when ONBOARDING_SCREENSHOTS names a directory.
const screenshots = process.env.ONBOARDING_SCREENSHOTS;

let server: RunningServer;
let browser: Browser;
let ownerContext: BrowserContext;
let ownerPage: Page;
let newcomerContext: BrowserContext;
let newcomerPage: Page;
let ownerErrors: () => string[];
let newcomerErrors: () => string[];
let inviteUrl = "";
let newcomerFingerprint = "";

async function snap(page: Page, name: string) {
  if (screenshots) {
    await page.screenshot({ path: `${screenshots}/onboarding-${name}.png`, fullPage: true });
  }
}

/** Client-side navigation through the main menu: a full page load would lock the keys. */

function personRow(name: string) {
  return ownerPage.getByRole("table", { name: "People" }).getByRole("row").filter({
    hasText: name,
  });
}

/** Opens People afresh (it loads on arrival) and waits for the person's row. */
async function peopleRowOf(name: string) {
  await openFromNav(ownerPage, "People");
  await ownerPage.getByRole("heading", { name: "People", level: 1 }).waitFor();
  const row = personRow(name);
  await row.waitFor({ timeout: 30_000 });
  return row;
}

/** Waits until the element has the focus (focus moves after the next frame in these forms). */
async function waitForFocus(locator: ReturnType<Page["getByLabel"]>) {
  await expect
    .poll(() => locator.evaluate((element) => element === document.activeElement))
    .toBe(true);
}

function step(title: string | RegExp) {
  return ownerPage.getByRole("listitem").filter({
    has: ownerPage.getByRole("heading", { name: title }),
  });
}

beforeAll(async () => {
  // 3308, not 3306: that is MySQL's port, taken on machines that run it.
  server = await startServer({ kind: "pglite", port: 3308, publicHost: "localhost" });
  browser = await launchChromium();
  ownerContext = await browser.newContext();
  ownerPage = await ownerContext.newPage();
  // A sensitive action is first refused with 403 step_up_required, then retried after the key;
  // inviting the owner's own address is refused with 409 on purpose.
  ownerErrors = watchForErrors(ownerPage, [/status of 403/, /status of 409/]);
  newcomerContext = await browser.newContext();
  newcomerPage = await newcomerContext.newPage();
  newcomerErrors = watchForErrors(newcomerPage);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("onboarding", () => {
  it("the owner sets up Coffer and adds a security key", async () => {
    await setUpOwnerInBrowser(ownerPage, server.url, owner);
    await addVirtualAuthenticator(ownerContext, ownerPage);
    await openFromNav(ownerPage, "Settings");
    await ownerPage.getByRole("link", { name: "Manage security keys" }).click();
    await ownerPage.getByRole("heading", { name: "Security keys", level: 1 }).waitFor();
    await ownerPage.getByLabel("Key nickname").fill("Olive's YubiKey");
    await ownerPage.getByRole("button", { name: "Add security key" }).click();
    await saveRecoveryCodes(ownerPage, "Done");
    await ownerPage.getByText("Olive's YubiKey").first().waitFor();
  });

  it("keeps a login in a vault", async () => {
    await openFromNav(ownerPage, "Vaults");
    await ownerPage.getByRole("button", { name: "New vault" }).first().click();
    await ownerPage.getByLabel("Vault name").fill(vaultName);
    await ownerPage.getByRole("button", { name: "Create vault" }).click();
    await ownerPage.getByRole("heading", { name: vaultName }).waitFor();
    await ownerPage.getByRole("button", { name: "New item" }).click();
    await ownerPage.getByRole("dialog").getByRole("link", { name: "Login" }).click();
    await ownerPage.getByLabel("Title").fill(login.title);
    await ownerPage.getByLabel("Username").fill(login.username);
    await ownerPage.getByLabel("Password", { exact: true }).fill(login.password);
    await ownerPage.getByRole("button", { name: "Save", exact: true }).click();
    await ownerPage.getByRole("heading", { name: login.title }).waitFor();
  });

  it("requires a security key from everyone, starting now", async () => {
    await openFromNav(ownerPage, "Security");
    await ownerPage.getByRole("heading", { name: "Security", level: 1 }).waitFor();
    await ownerPage.getByRole("radio", { name: "Everyone" }).check();
    await ownerPage.getByLabel("Grace period (days)").fill("0");
    await ownerPage.getByRole("button", { name: "Save policy" }).click();
    const confirm = ownerPage.getByRole("dialog", {
      name: "Require a security key from everyone now?",
    });
    const saved = ownerPage
      .getByRole("status")
      .filter({ hasText: "Everyone must sign in with a security key, starting now." });
    // Everyone present has a key, so the form may save without asking; a key check taken
    // while adding the key may still cover the change, or the step-up dialog asks for one.
    await confirm.or(saved).first().waitFor({ timeout: 30_000 });
    if (await confirm.isVisible()) {
      await confirm.getByRole("button", { name: "Require keys now" }).click();
    }
    const stepUp = ownerPage.getByRole("dialog", { name: "Confirm with your security key" });
    await stepUp.or(saved).first().waitFor({ timeout: 30_000 });
    if (await stepUp.isVisible()) await confirmStepUp(ownerPage);
    await saved.waitFor({ timeout: 30_000 });
  });

  it("writes an onboarding template with manual steps, refusing a bad link inline", async () => {
    await openFromNav(ownerPage, "People");
    await ownerPage.getByRole("link", { name: "Checklist templates" }).click();
    await ownerPage.getByRole("heading", { name: "Checklist templates", level: 1 }).waitFor();
    // Coffer's own steps are shown for context, not as editable fields.
    await ownerPage
      .getByRole("list", { name: "Automatic onboarding steps" })
      .getByText("Grant vault access")
      .waitFor();
    // The default templates Coffer starts every organisation with.
    await ownerPage.getByRole("region", { name: "Template Standard onboarding" }).waitFor();

    await ownerPage.getByRole("button", { name: "New onboarding template" }).click();
    const form = ownerPage.getByRole("form", { name: "New onboarding template" });
    await form.getByLabel("Template name").fill(template.name);
    await form.getByRole("button", { name: "Add a step" }).click();
    // The new step's title takes the focus: typing goes straight into it.
    await waitForFocus(form.getByLabel("Step 1 title"));
    await ownerPage.keyboard.type(template.first);
    await form.getByLabel("Step 1 link").fill("wiki/laptops");
    await form.getByRole("button", { name: "Add a step" }).click();
    await form.getByLabel("Step 2 title").fill(template.second);
    await form.getByLabel("Step 2 assignee").selectOption({ label: "Vault managers" });

    await form.getByRole("button", { name: "Save template" }).click();
    await form.getByText("Link must be an http(s) URL.").waitFor();
    await snap(ownerPage, "01-template-error");
    const link = form.getByLabel("Step 1 link");
    expect(await link.getAttribute("aria-invalid")).toBe("true");
    // Nothing typed was lost.
    expect(await form.getByLabel("Step 2 title").inputValue()).toBe(template.second);
    await link.fill(template.link);

    // Reordered with the keyboard: the lunch comes first.
    await form.getByRole("button", { name: "Move step 2 up" }).focus();
    await ownerPage.keyboard.press("Enter");
    expect(await form.getByLabel("Step 1 title").inputValue()).toBe(template.second);
    expect(await form.getByLabel("Step 2 title").inputValue()).toBe(template.first);
    expect(await form.getByLabel("Step 2 link").inputValue()).toBe(template.link);

    await form.getByRole("button", { name: "Save template" }).click();
    await ownerPage.getByText(`Template “${template.name}” created.`).waitFor();
    const card = ownerPage.getByRole("region", { name: `Template ${template.name}` });
    await card.waitFor();
    await snap(ownerPage, "02-templates");
    expect(await card.getByRole("listitem").allInnerTexts()).toEqual([
      `${template.second} (Vault managers)`,
      `${template.first} (Admins)`,
    ]);
  });

  it("deleting a template asks for confirmation first", async () => {
    const standard = ownerPage.getByRole("region", { name: "Template Standard onboarding" });
    await standard.getByRole("button", { name: "Delete Standard onboarding" }).click();
    const confirm = ownerPage.getByRole("dialog", {
      name: "Delete template “Standard onboarding”?",
    });
    await confirm.getByText(/It is the default/).waitFor();
    // Cancel is focused first: Enter on a stray keypress keeps the template.
    await ownerPage.keyboard.press("Enter");
    await confirm.waitFor({ state: "hidden" });
    expect(await standard.count()).toBe(1);

    await standard.getByRole("button", { name: "Delete Standard onboarding" }).click();
    await confirm.getByRole("button", { name: "Delete template" }).click();
    await ownerPage.getByText("Template “Standard onboarding” deleted.").waitFor();
    await standard.waitFor({ state: "detached" });
    // The default passes to the remaining onboarding template, the one written above.
    await ownerPage
      .getByRole("region", { name: `Template ${template.name}` })
      .getByText("Default", { exact: true })
      .waitFor();
  });

  it("invites the newcomer to the vault as a viewer, keeping the form through a bad email", async () => {
    await openFromNav(ownerPage, "People");
    await ownerPage.getByRole("heading", { name: "People", level: 1 }).waitFor();
    await ownerPage.getByLabel("Email").fill("nina@");
    await ownerPage.getByRole("button", { name: "Add a vault" }).click();
    const vault = ownerPage.getByLabel("Vault 1", { exact: true });
    // The owner is a member, so the name is decrypted in the browser and offered by name.
    await expect
      .poll(() => vault.locator("option").allInnerTexts(), { timeout: 30_000 })
      .toContain(vaultName);
    await vault.selectOption({ label: vaultName });
    await ownerPage.getByLabel("Access to vault 1").selectOption("view");
    // The default since the standard template was deleted above.
    await ownerPage
      .getByLabel("Checklist template")
      .selectOption({ label: `${template.name} (default)` });

    await ownerPage.getByRole("button", { name: "Create invite" }).click();
    await ownerPage.getByText("Enter the email address of the person to invite.").waitFor();
    await snap(ownerPage, "03-invite-error");
    expect(await ownerPage.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");
    await waitForFocus(ownerPage.getByLabel("Email"));
    expect(await ownerPage.getByLabel("Invite link").count()).toBe(0);

    // An address that already has an account is refused by the server, next to the field.
    await ownerPage.getByLabel("Email").fill(` ${owner.email.toUpperCase()}`);
    await ownerPage.getByRole("button", { name: "Create invite" }).click();
    await ownerPage.getByText("Someone already has an account with this email address.").waitFor();
    expect(await ownerPage.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");
    await waitForFocus(ownerPage.getByLabel("Email"));
    expect(await ownerPage.getByLabel("Invite link").count()).toBe(0);

    await ownerPage.getByLabel("Email").fill(newcomer.email);
    // The vault and template chosen before the error are still chosen.
    expect(await vault.inputValue()).not.toBe("");
    await ownerPage.getByRole("button", { name: "Create invite" }).click();
    const link = ownerPage.getByLabel("Invite link");
    await link.waitFor();
    inviteUrl = (await link.inputValue()).trim();
    expect(inviteUrl.startsWith(`${server.url}/join#`)).toBe(true);
    // No SMTP server is configured here: the link is only to copy.
    expect(await ownerPage.getByText(/^Emailed to/).count()).toBe(0);
    await ownerPage.getByRole("link", { name: "Open the onboarding checklist" }).waitFor();
    await snap(ownerPage, "04-invited");

    const row = personRow(newcomer.email);
    await row.getByText("invited", { exact: true }).waitFor();
    // Invite done of: invite, account, security key, vault grant and the two manual steps.
    await row.getByRole("link", { name: /Onboarding\s+1 of 6/ }).waitFor();
    await ownerPage.getByRole("button", { name: "Invited (1)" }).click();
    expect(await ownerPage.getByTestId("person-row").count()).toBe(1);
    await ownerPage.getByRole("button", { name: /^All/ }).click();
  });

  it("Home shows the grant waiting for the newcomer's account", async () => {
    await openFromNav(ownerPage, "Home");
    const task = ownerPage.getByTestId("task");
    await task.getByText(`Give ${newcomer.email} access to ${vaultName} as viewer`).waitFor({
      timeout: 30_000,
    });
    await task.getByText("Waiting for them to create their account.").waitFor();
    expect(await ownerPage.getByRole("button", { name: /^Grant / }).count()).toBe(0);
    await snap(ownerPage, "05-home-waiting");
  });

  it("the newcomer signs up, saves the Emergency Kit and is asked for a security key", async () => {
    await addVirtualAuthenticator(newcomerContext, newcomerPage);
    await newcomerPage.goto(inviteUrl);
    await newcomerPage.getByLabel("Your name").fill(newcomer.name);
    await newcomerPage.getByLabel("Master password", { exact: true }).fill(newcomer.password);
    await newcomerPage.getByLabel("Confirm master password").fill(newcomer.password);
    await newcomerPage.getByRole("button", { name: "Create account" }).click();
    await newcomerPage.getByLabel("I have saved my Emergency Kit").check({ timeout: 60_000 });
    await newcomerPage.getByRole("button", { name: "Continue" }).click();
    await newcomerPage.waitForURL(/\/mfa$/, { timeout: 60_000 });
    await newcomerPage.getByRole("heading", { name: "Add a security key" }).waitFor();

    const row = await peopleRowOf(newcomer.name);
    await row.getByText("onboarding", { exact: true }).waitFor();
    await row.getByRole("link", { name: /Onboarding\s+2 of 6/ }).waitFor();

    await openFromNav(ownerPage, "Home");
    await ownerPage
      .getByTestId("task")
      .getByText("Waiting for them to add a security key.")
      .waitFor({ timeout: 30_000 });
  });

  it("the newcomer adds a key and reaches Home with their fingerprint", async () => {
    await enrolSecurityKeyOnMfaPage(newcomerPage, "Nina's YubiKey");
    await waitForHome(newcomerPage);
    newcomerFingerprint = (await newcomerPage.getByTestId("fingerprint").innerText()).trim();
    expect(newcomerFingerprint).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){9}$/);
    // Nothing waits on a newcomer: they manage no vault.
    await newcomerPage.getByText("Nothing is waiting for you.").waitFor();
  });

  it("the owner grants the vault from Home after comparing fingerprints", async () => {
    await ownerPage.getByRole("button", { name: "Refresh tasks" }).click();
    const grant = ownerPage.getByRole("button", {
      name: `Grant access to ${vaultName} for ${newcomer.name}…`,
    });
    await grant.waitFor({ timeout: 30_000 });
    await grant.click();

    const dialog = ownerPage.getByRole("dialog", {
      name: `Give ${newcomer.name} access to ${vaultName}`,
    });
    await dialog.waitFor({ timeout: 30_000 });
    // The share flow of the vault page, with the newcomer and the invite's role chosen.
    const person = dialog.getByLabel("Person");
    expect(await person.locator("option:checked").innerText()).toBe(
      `${newcomer.name} <${newcomer.email}>`,
    );
    expect(await dialog.getByLabel("Role").inputValue()).toBe("view");
    expect((await dialog.getByTestId("share-fingerprint").innerText()).trim()).toBe(
      newcomerFingerprint,
    );
    const share = dialog.getByRole("button", { name: "Share" });
    expect(await share.isDisabled()).toBe(true);
    await dialog.getByLabel("I compared the fingerprint").check();
    await snap(ownerPage, "06-grant");
    await share.click();

    await ownerPage
      .getByText(`${newcomer.email} can now open ${vaultName} as viewer.`)
      .waitFor({ timeout: 30_000 });
    await ownerPage.getByText("Nothing is waiting for you.").waitFor();
  });

  it("the checklist records the grant, and the owner works through the manual steps", async () => {
    const row = await peopleRowOf(newcomer.name);
    await row.getByRole("link", { name: /Onboarding\s+4 of 6/ }).click();
    await ownerPage.getByRole("heading", { name: `Onboarding: ${newcomer.name}` }).waitFor();
    await ownerPage.getByText("4 of 6 steps done").waitFor();
    await snap(ownerPage, "07-checklist");
    expect(
      await ownerPage.getByRole("progressbar", { name: "Progress" }).getAttribute("aria-valuenow"),
    ).toBe("4");

    const grantStep = step(`Grant vault access: ${vaultName} as viewer`);
    await grantStep.waitFor({ timeout: 30_000 });
    await grantStep.getByText("Done", { exact: true }).first().waitFor();
    await grantStep.getByText(`Done by ${owner.name}`, { exact: false }).waitFor();
    await grantStep.getByText("Automatic").waitFor();
    // Coffer's own steps cannot be ticked off by hand.
    expect(await grantStep.getByRole("button", { name: /Mark|Skip|Reopen/ }).count()).toBe(0);
    for (const title of ["Invite", "Create the account", "Add a security key"]) {
      await step(title).getByText("Done", { exact: true }).first().waitFor();
    }

    const laptop = step(template.first);
    await laptop.getByText("Manual").waitFor();
    await laptop.getByRole("link", { name: template.link }).waitFor();
    await laptop.getByRole("button", { name: `Comment on "${template.first}"` }).click();
    await waitForFocus(laptop.getByLabel(`Comment on “${template.first}”`));
    await ownerPage.keyboard.type("Ordered, arrives Monday.");
    await laptop.getByRole("button", { name: "Add comment" }).click();
    await laptop
      .getByRole("list", { name: `Comments on "${template.first}"` })
      .getByText("Ordered, arrives Monday.")
      .waitFor();

    // Done by mistake, reopened, then done for real.
    const lunch = step(template.second);
    await lunch.getByRole("button", { name: `Mark done: ${template.second}` }).click();
    await ownerPage.getByText("5 of 6 steps done").waitFor();
    await lunch.getByRole("button", { name: `Reopen "${template.second}"` }).click();
    await ownerPage.getByText("4 of 6 steps done").waitFor();
    await lunch.getByRole("button", { name: `Mark done: ${template.second}` }).focus();
    await ownerPage.keyboard.press("Enter");
    await ownerPage.getByText("5 of 6 steps done").waitFor();

    await laptop.getByRole("button", { name: `Mark done: ${template.first}` }).click();
    await ownerPage.getByText("6 of 6 steps done").waitFor();
    await ownerPage.getByText("Finished: kept as a record.").waitFor();
    await snap(ownerPage, "08-checklist-done");
    await ownerPage
      .getByRole("heading", { name: `Onboarding: ${newcomer.name}` })
      .getByText("done", { exact: true })
      .waitFor();
    await laptop.getByText(`Done by ${owner.name}`, { exact: false }).waitFor();
    // A finished run is a record: nothing left to tick off or comment on.
    expect(
      await ownerPage.getByRole("button", { name: /^(Mark|Skip|Reopen|Comment on)/ }).count(),
    ).toBe(0);
  });

  it("People shows the newcomer active, and the run among the finished checklists", async () => {
    const row = await peopleRowOf(newcomer.name);
    await row.getByText("active", { exact: true }).waitFor();
    await row.getByText("None").waitFor();
    await snap(ownerPage, "09-people");

    await ownerPage.getByRole("link", { name: "All checklists" }).click();
    await ownerPage.getByRole("heading", { name: "Checklists", level: 1 }).waitFor();
    await ownerPage.getByText("No checklist is open.", { exact: false }).waitFor();
    await ownerPage.getByRole("button", { name: "Done", exact: true }).click();
    await ownerPage
      .getByRole("list", { name: "Checklists" })
      .getByRole("link", { name: new RegExp(`Onboarding: ${newcomer.name}.*6 of 6`) })
      .waitFor();
  });

  it("the newcomer opens the vault and reads the login", async () => {
    await openFromNav(newcomerPage, "Vaults");
    await newcomerPage
      .getByRole("list", { name: "Your vaults" })
      .getByRole("link", { name: new RegExp(vaultName) })
      .click();
    await newcomerPage.getByRole("link", { name: new RegExp(login.title) }).click();
    const password = newcomerPage.getByRole("group", { name: "Password (secret)", exact: true });
    await password.getByRole("button", { name: "Reveal" }).click();
    await password.getByText(login.password).waitFor();
  });

  it("logged no unexpected errors in either browser", () => {
    expect(ownerErrors(), ownerErrors().join("\n")).toEqual([]);
    expect(newcomerErrors(), newcomerErrors().join("\n")).toEqual([]);
  });
});
