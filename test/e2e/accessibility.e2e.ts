// Every main page as a person meets it, checked by axe-core: the public pages (setup, the
// Emergency Kit, sign-in, an invite, a share link, a missing page) and, signed in as the owner,
// home, vaults, a vault, an item, people, the admin pages, settings, the rotation tracker, an
// offboarding run, links and import/export. Each page is checked in the light scheme and again
// in the dark one (docs/decisions/0059-colour-scheme-from-a-cookie.md), the same render with only
// prefers-color-scheme switched. Any critical or serious violation fails its page, printed with
// its rule, impact and the elements that break it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { parseSecretKey, type ItemPlaintext } from "../../lib/crypto";
import { seriousViolations } from "../support/axe";
import { launchChromium, watchForErrors } from "../support/browser";
import { waitForHome } from "../support/browser-flows";
import { openFromNav } from "../support/e2e-steps";
import { createInvite } from "../support/flows";
import { ApiClient, makeAccount } from "../support/protocol-client";
import { startOffboarding } from "../support/rotation-client";
import { startServer, type RunningServer } from "../support/server";
import { VaultClient } from "../support/vault-client";

const owner = {
  organisation: "Acme Robotics",
  name: "Olive Owner",
  email: "olive@acme.test",
  password: "a long and memorable passphrase",
};
const dana = { name: "Dana Departing", email: "dana@acme.test", password: "dana's passphrase" };
const sam = { name: "Sam Staying", email: "sam@acme.test", password: "sam's own passphrase" };
const vaultName = "Payments";
const itemTitle = "Stripe dashboard";

let server: RunningServer;
let browser: Browser;
let ownerContext: BrowserContext;
let ownerPage: Page;
let ownerErrors: () => string[];
let secretKey = "";
let ownerVaults: VaultClient;
let vaultId = "";
let itemId = "";
let samId = "";
let checklistId = "";
let inviteToken = "";
let shareLink = "";

function login(title: string): ItemPlaintext {
  return {
    type: "login",
    title,
    fields: [
      { name: "Username", value: "finance@acme.test", secret: false, kind: "username" },
      { name: "Password", value: "an-old-Password-1", secret: true, kind: "password" },
    ],
    notes: "Shared with the finance team.",
    urls: ["https://dashboard.stripe.com"],
    tags: ["finance"],
  };
}

const colourSchemes = ["light", "dark"] as const;

/** Fails with every critical and serious violation on the page as it is now, in both schemes. */
async function expectAccessible(page: Page, label: string) {
  // Fonts, transitions and late renders settle before colours and names are measured.
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
  const pageColours: string[] = [];
  for (const colorScheme of colourSchemes) {
    await page.emulateMedia({ colorScheme });
    // Buttons and links fade between colours: the new scheme's colours are measured, not a blend.
    await page.waitForTimeout(250);
    pageColours.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    const named = `${label} (${colorScheme})`;
    const violations = await seriousViolations(page, named);
    // Soft, so one run lists every page that fails rather than stopping at the first.
    expect.soft(violations, `${named}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
  // Each scheme was measured in its own palette: the page did switch.
  expect(new Set(pageColours).size, `${label}: ${pageColours.join(" / ")}`).toBe(
    colourSchemes.length,
  );
}

/** A full page load of `path`, unlocking the keys it locked, until its heading shows. */
async function visit(path: string, heading: string | RegExp) {
  await ownerPage.goto(`${server.url}${path}`);
  const locked = ownerPage.getByRole("heading", { name: "Coffer is locked" });
  const target = ownerPage.getByRole("heading", { name: heading, level: 1 });
  await locked.or(target).first().waitFor({ timeout: 30_000 });
  if (await locked.isVisible()) {
    await ownerPage.getByLabel("Master password", { exact: true }).fill(owner.password);
    await ownerPage.getByRole("button", { name: "Unlock" }).click();
  }
  await target.waitFor({ timeout: 60_000 });
}

/** A browser of its own with nobody signed in. */
async function signedOutPage(allowed: RegExp[] = []) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchForErrors(page, allowed);
  return { context, page, errors };
}

beforeAll(async () => {
  server = await startServer({ kind: "pglite", port: 3323 });
  browser = await launchChromium();
  ownerContext = await browser.newContext();
  ownerPage = await ownerContext.newPage();
  ownerErrors = watchForErrors(ownerPage);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("accessibility of the public pages", () => {
  it("setup", async () => {
    await ownerPage.goto(server.url);
    await ownerPage.waitForURL(/\/setup$/);
    await ownerPage.getByLabel("Organisation name").waitFor();
    await expectAccessible(ownerPage, "setup");
  });

  it("the Emergency Kit after setup, and home", async () => {
    await ownerPage.getByLabel("Organisation name").fill(owner.organisation);
    await ownerPage.getByLabel("Your name").fill(owner.name);
    await ownerPage.getByLabel("Email").fill(owner.email);
    await ownerPage.getByLabel("Master password", { exact: true }).fill(owner.password);
    await ownerPage.getByLabel("Confirm master password").fill(owner.password);
    await ownerPage.getByRole("button", { name: "Create organisation" }).click();
    const saved = ownerPage.getByLabel("I have saved my Emergency Kit");
    await saved.waitFor({ timeout: 60_000 });
    secretKey = (await ownerPage.getByTestId("secret-key").innerText()).trim();
    await expectAccessible(ownerPage, "emergency kit");
    await saved.check();
    await ownerPage.getByRole("button", { name: "Continue" }).click();
    await waitForHome(ownerPage);
    await expectAccessible(ownerPage, "home");
  });

  it("sign-in", async () => {
    const visitor = await signedOutPage();
    await visitor.page.goto(`${server.url}/signin`);
    // A device that has not seen this email's Secret Key asks for it too.
    await visitor.page.getByLabel("Email").fill(owner.email);
    await visitor.page.getByLabel("Secret Key").waitFor();
    await expectAccessible(visitor.page, "sign-in");
    expect(visitor.errors()).toEqual([]);
    await visitor.context.close();
  });

  it("a missing page", async () => {
    // The missing page answers 404, which Chromium logs as a failed resource.
    const visitor = await signedOutPage([/status of 404/]);
    await visitor.page.goto(`${server.url}/no-such-page`);
    await visitor.page.getByRole("heading", { level: 1 }).waitFor();
    await expectAccessible(visitor.page, "not found");
    expect(visitor.errors()).toEqual([]);
    await visitor.context.close();
  });
});

describe("accessibility of the signed-in pages", () => {
  beforeAll(async () => {
    ownerVaults = await VaultClient.signIn(server.url, {
      email: owner.email,
      password: owner.password,
      secretKey: parseSecretKey(secretKey),
      userId: "",
    });
    ({ vaultId } = await ownerVaults.createVault(vaultName));
    ({ itemId } = await ownerVaults.addItem(vaultId, login(itemTitle)));
    await ownerVaults.addItem(vaultId, login("Bank portal"));

    const people = [] as string[];
    for (const person of [dana, sam]) {
      const { token } = await createInvite(ownerVaults.api, person.email, "member");
      const made = await makeAccount(person);
      const signup = await new ApiClient(server.url).request("/api/v1/signup", {
        json: { inviteToken: token, account: made.account },
      });
      expect(signup.status, JSON.stringify(signup.body)).toBe(201);
      people.push(made.secrets.userId);
    }
    const [danaId] = people;
    samId = people[1]!;
    expect((await ownerVaults.shareWith(vaultId, danaId!, "edit")).status).toBe(201);
    ({ token: inviteToken } = await createInvite(ownerVaults.api, "colin@acme.test", "member"));

    const started = await startOffboarding(ownerVaults.api, danaId!);
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    checklistId = (started.body as { id: string }).id;
  });

  it("vaults, a vault and an item", async () => {
    await visit("/vaults", "Vaults");
    await expectAccessible(ownerPage, "vaults");
    await visit(`/vaults/${vaultId}`, vaultName);
    await expectAccessible(ownerPage, "a vault");
    await ownerPage.getByRole("button", { name: "New item" }).click();
    await ownerPage.getByRole("dialog").waitFor();
    await expectAccessible(ownerPage, "new item dialog");
    await visit(`/vaults/${vaultId}/items/${itemId}`, itemTitle);
    await expectAccessible(ownerPage, "an item");
  });

  it("search, with a result highlighted", async () => {
    await visit("/vaults", "Vaults");
    await ownerPage.keyboard.press("/");
    await ownerPage.keyboard.type("Stripe");
    await ownerPage
      .getByRole("option", { name: new RegExp(itemTitle) })
      .first()
      .waitFor();
    await expectAccessible(ownerPage, "search");
    await ownerPage.keyboard.press("Escape");
  });

  it("an offboarding run and its report, then the rotation tracker", async () => {
    await visit(`/offboarding/${checklistId}`, `Offboarding ${dana.name}`);
    await ownerPage.getByTestId("flag-summary").waitFor({ timeout: 60_000 });
    await expectAccessible(ownerPage, "offboarding run");
    await visit(`/offboarding/${checklistId}/report`, `Offboarding report: ${dana.name}`);
    await expectAccessible(ownerPage, "offboarding report");
    await visit("/rotation", "Rotation");
    await expectAccessible(ownerPage, "rotation tracker");
  });

  it("people and the admin pages", async () => {
    await visit("/admin/people", "People");
    await expectAccessible(ownerPage, "people");
    await visit(`/admin/offboard/${samId}`, `Offboard ${sam.name}`);
    await expectAccessible(ownerPage, "offboard a person");
    await visit("/admin/security", "Security");
    await expectAccessible(ownerPage, "admin security");
    await visit("/admin/audit", "Audit log");
    await expectAccessible(ownerPage, "audit log");
    await visit("/admin/checklists", "Checklists");
    await expectAccessible(ownerPage, "checklists");
    await ownerPage
      .locator('main a[href^="/admin/checklists/"]:not([href$="/templates"])')
      .first()
      .click();
    await ownerPage.waitForURL(/\/admin\/checklists\/(?!templates)[^/]+$/);
    await ownerPage.getByRole("heading", { level: 1 }).waitFor();
    await expectAccessible(ownerPage, "a checklist");
    await visit("/admin/checklists/templates", "Checklist templates");
    await expectAccessible(ownerPage, "checklist templates");
  });

  it("settings, security keys and devices", async () => {
    await visit("/settings", "Settings");
    await expectAccessible(ownerPage, "settings");
    await visit("/settings/security", "Security keys");
    // A first key is named after the device it is added from, not after a brand of key.
    expect(await ownerPage.getByLabel("Key nickname").inputValue()).toBe("Chrome on Linux");
    await expectAccessible(ownerPage, "security keys");
    await visit("/settings/devices", "Approve a device");
    await expectAccessible(ownerPage, "devices");
  });

  it("links, service accounts, import and export", async () => {
    await visit("/links", "Links");
    await ownerPage.getByRole("button", { name: "New link" }).click();
    const dialog = ownerPage.getByRole("dialog", { name: "New link" });
    await dialog.getByLabel("Text to share").fill("VPN pre-shared key: a11y-psk");
    await expectAccessible(ownerPage, "new link dialog");
    await dialog.getByRole("button", { name: "Create link" }).click();
    const shown = ownerPage.getByRole("dialog", { name: "Your link" });
    shareLink = await shown.getByLabel("Link", { exact: true }).inputValue();
    await expectAccessible(ownerPage, "link shown once");
    await shown.getByRole("button", { name: "Done" }).click();
    await expectAccessible(ownerPage, "links");
    await visit("/service-accounts", "Service accounts");
    await expectAccessible(ownerPage, "service accounts");
    await visit("/vaults/import", "Import");
    await expectAccessible(ownerPage, "import");
    await visit("/vaults/export", "Export");
    await expectAccessible(ownerPage, "export");
  });

  it("the lock screen", async () => {
    await openFromNav(ownerPage, "Home");
    await ownerPage.getByRole("button", { name: "Lock now" }).click();
    await ownerPage.getByRole("heading", { name: "Coffer is locked" }).waitFor();
    await expectAccessible(ownerPage, "lock screen");
  });

  it("an invite and a share link, opened by someone with no account", async () => {
    const visitor = await signedOutPage();
    await visitor.page.goto(`${server.url}/join#${inviteToken}`);
    await visitor.page.getByLabel("Your name").waitFor();
    await expectAccessible(visitor.page, "join");
    await visitor.page.goto(shareLink);
    await visitor.page.getByRole("heading", { name: "Someone shared a secret with you" }).waitFor();
    await expectAccessible(visitor.page, "share link");
    await visitor.page.getByRole("button", { name: "Reveal" }).click();
    await visitor.page.getByRole("heading", { name: "The shared secret" }).waitFor();
    await expectAccessible(visitor.page, "share link revealed");
    expect(visitor.errors()).toEqual([]);
    await visitor.context.close();
  });

  it("the owner's pages logged no errors", () => {
    expect(ownerErrors()).toEqual([]);
  });
});
