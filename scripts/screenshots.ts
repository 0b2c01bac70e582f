// Regenerates the README's screenshots: `npm run docs:screenshots` after `next build` (with the
// same COFFER_DIST_DIR, if any). A fresh installation on a port of its own is set up and filled
// through the browser, as a person would, then photographed on a desktop, on a phone and in
// dark mode; then a vault is shared after a fingerprint check (its members) and a colleague
// who revealed and copied secrets is offboarded (the run, once both vaults are re-keyed). The
// colleagues' own accounts and clicks go through the API, as their browsers would send them.
// Everything shown is made up here; nothing is read from a real installation.
import path from "node:path";
import type { Page } from "playwright-core";
import { parseSecretKey, type ItemPlaintext } from "../lib/crypto";
import { launchChromium } from "../test/support/browser";
import { setUpOwnerInBrowser, visitUnlocked } from "../test/support/browser-flows";
import { createInvite } from "../test/support/flows";
import { ApiClient, makeAccount, type AccountSecrets } from "../test/support/protocol-client";
import { startOffboarding } from "../test/support/rotation-client";
import { startServer } from "../test/support/server";
import { VaultClient } from "../test/support/vault-client";

const folder = path.resolve(import.meta.dirname, "../docs/screenshots");
const port = Number(process.env.COFFER_SCREENSHOTS_PORT ?? 3319);

const owner = {
  organisation: "Acme Robotics",
  name: "Olive Owner",
  email: "olive@acme.test",
  password: "a long and memorable passphrase",
};
const vaults = [
  { name: "Production servers", environment: "production" },
  { name: "Payments", environment: "production" },
  { name: "Developer sandbox", environment: "development" },
];
const logins = [
  {
    title: "Deploy bot",
    username: "deploy@acme.test",
    password: "made-up-Secret-value-1",
    // The RFC 6238 examples' seed, so the dark screenshot shows a live code.
    totpSeed: "JBSWY3DPEHPK3PXP",
  },
  { title: "Grafana admin", username: "ops@acme.test", password: "made-up-Secret-value-2" },
  { title: "Status page", username: "status@acme.test", password: "made-up-Secret-value-3" },
];
/** Given access to a vault after the fingerprint check, on the members screenshot. */
const bea = { name: "Bea Builder", email: "bea@acme.test", password: "bea's own passphrase" };
/** In the first two vaults, reveals one secret and copies another, then is offboarded. */
const dana = { name: "Dana Departing", email: "dana@acme.test", password: "dana's passphrase" };
const paymentsLogins = ["Stripe dashboard", "Bank portal"];

/** A colleague accepts an invite and signs up, as the join page would. */
async function join(baseUrl: string, ownerVaults: VaultClient, person: typeof bea) {
  const { token } = await createInvite(ownerVaults.api, person.email, "member");
  const made = await makeAccount(person);
  const signup = await new ApiClient(baseUrl).request("/api/v1/signup", {
    json: { inviteToken: token, account: made.account },
  });
  if (signup.status !== 201) throw new Error(`signup of ${person.email}: HTTP ${signup.status}`);
  return made.secrets;
}

function paymentsLogin(title: string): ItemPlaintext {
  return {
    type: "login",
    title,
    fields: [
      { name: "Username", value: "finance@acme.test", secret: false, kind: "username" },
      {
        name: "Password",
        value: `made-up-${title.replace(/ /g, "-")}-1`,
        secret: true,
        kind: "password",
      },
    ],
    notes: "",
    urls: [],
    tags: ["finance"],
  };
}

/** The main navigation, through the Menu on a narrow screen (test/support/e2e-steps.ts does the same for specs). */
async function openFromNav(page: Page, label: string) {
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) !== "true") {
    await menu.click();
  }
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
}

/** Creates the vault through its dialog and answers its id, read from the address it opens at. */
async function createVault(page: Page, vault: (typeof vaults)[number]): Promise<string> {
  await openFromNav(page, "Vaults");
  await page.getByRole("button", { name: "New vault" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New vault" });
  await dialog.getByLabel("Vault name").fill(vault.name);
  await dialog.getByLabel("Environment").selectOption(vault.environment);
  await dialog.getByRole("button", { name: "Create vault" }).click();
  await page.getByRole("heading", { name: vault.name, level: 1 }).waitFor();
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

async function addLogin(page: Page, login: (typeof logins)[number]) {
  await page.getByRole("button", { name: "New item" }).click();
  await page.getByRole("dialog").getByRole("link", { name: "Login", exact: true }).click();
  await page.getByLabel("Title").fill(login.title);
  await page.getByLabel("Username").fill(login.username);
  await page.getByLabel("Password", { exact: true }).fill(login.password);
  if (login.totpSeed) {
    await page
      .getByLabel("One-time code", { exact: true })
      .and(page.locator("input"))
      .fill(login.totpSeed);
  }
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByRole("heading", { name: login.title, level: 1 }).waitFor();
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").last().click();
  await page.getByRole("button", { name: "New item" }).waitFor();
}

async function openVault(page: Page, name: string, { withItems = true } = {}) {
  await openFromNav(page, "Vaults");
  await page
    .getByRole("list", { name: "Your vaults" })
    .getByRole("link", { name: new RegExp(`^${name}`) })
    .click();
  await page.getByRole("heading", { name, level: 1 }).waitFor();
  if (withItems) {
    await page.getByRole("link", { name: new RegExp(`^${logins[0]!.title}`) }).waitFor();
  }
}

/** A full page load, unlocking the keys it locked, until the page's heading shows. */
const visit = (page: Page, url: string, heading: string) =>
  visitUnlocked(page, url, heading, owner.password);

async function shoot(page: Page, name: string, { fullPage = false } = {}) {
  // Focus rings and caret blinks are not part of the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage });
  console.log(`Wrote docs/screenshots/${name}.png`);
}

/** The owner shares the first vault with Bea after comparing her fingerprint. */
async function shootMembers(page: Page) {
  await openVault(page, vaults[0]!.name);
  await page.getByRole("tab", { name: "Members" }).click();
  await page.getByRole("button", { name: "Add member" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Person").selectOption({ label: `${bea.name} <${bea.email}>` });
  await dialog.getByTestId("share-fingerprint").waitFor();
  await dialog.getByLabel("I compared the fingerprint").check();
  await dialog.getByLabel("Role").selectOption("edit");
  await dialog.getByRole("button", { name: "Share" }).click();
  const row = page.getByTestId("member-row").filter({ hasText: bea.email });
  await row.getByText("Confirmed").waitFor();
  await shoot(page, "members");
}

/**
 * Dana, in the first two vaults, revealed one secret and copied another; the owner offboards
 * her and re-keys both vaults from the run's page.
 */
async function shootOffboarding(
  page: Page,
  baseUrl: string,
  ownerVaults: VaultClient,
  vaultIds: string[],
) {
  const danaSecrets: AccountSecrets = await join(baseUrl, ownerVaults, dana);
  const danaVaults = await VaultClient.signIn(baseUrl, danaSecrets);
  const touched: Array<{ vaultId: string; itemId: string; action: "reveal" | "copy" }> = [];
  for (const [index, id] of vaultIds.slice(0, 2).entries()) {
    if (index === 1) {
      for (const title of paymentsLogins) await ownerVaults.addItem(id, paymentsLogin(title));
    }
    const shared = await ownerVaults.shareWith(id, danaSecrets.userId, "edit");
    if (shared.status !== 201) throw new Error(`sharing a vault: HTTP ${shared.status}`);
    await danaVaults.trust(ownerVaults.userId);
    const [first] = (await danaVaults.openVault(id)).items;
    touched.push({ vaultId: id, itemId: first!.id, action: index === 0 ? "copy" : "reveal" });
  }
  for (const { vaultId: id, itemId, action } of touched) {
    await danaVaults.api.request(`/api/v1/vaults/${id}/items/${itemId}/events`, {
      json: { action },
    });
  }

  const started = await startOffboarding(ownerVaults.api, danaSecrets.userId);
  if (started.status !== 201) throw new Error(`offboarding: HTTP ${started.status}`);
  const { id } = started.body as { id: string };
  await visit(page, `${baseUrl}/offboarding/${id}`, `Offboarding ${dana.name}`);
  await page.getByRole("button", { name: "Re-key 2 vaults" }).click();
  await page
    .getByRole("status")
    .filter({ hasText: "Re-keyed 2 vaults." })
    .waitFor({ timeout: 120_000 });
  // Settled once the run is read back: each vault's step done, by whom, with the progress bar.
  const rows = page.getByTestId("rekey-row");
  for (const vault of vaults.slice(0, 2)) {
    await rows
      .filter({ hasText: vault.name })
      .getByText(`Re-keyed by ${owner.name}`)
      .waitFor({ timeout: 60_000 });
  }
  await page
    .getByTestId("flag-summary")
    .getByText(/5 items flagged: 2 high/)
    .waitFor();
  await shoot(page, "offboarding", { fullPage: true });
}

async function main() {
  const server = await startServer({ kind: "pglite", port });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      colorScheme: "light",
    });
    const page = await context.newPage();
    const secretKey = await setUpOwnerInBrowser(page, server.url, owner);
    const vaultIds: string[] = [];
    for (const vault of vaults) vaultIds.push(await createVault(page, vault));
    await openVault(page, vaults[0]!.name, { withItems: false });
    for (const login of logins) await addLogin(page, login);

    await openVault(page, vaults[0]!.name);
    await shoot(page, "desktop");

    await page.emulateMedia({ colorScheme: "dark" });
    await page.getByRole("link", { name: new RegExp(`^${logins[0]!.title}`) }).click();
    await page.getByRole("heading", { name: logins[0]!.title, level: 1 }).waitFor();
    await page.getByTestId("totp-code").waitFor();
    await page.getByLabel("Flag for rotation every").waitFor();
    await shoot(page, "dark");
    await page.emulateMedia({ colorScheme: "light" });

    // A phone: the same session in a narrow window, the menu open above the vault.
    await page.setViewportSize({ width: 390, height: 844 });
    await openVault(page, vaults[0]!.name);
    await page.getByRole("button", { name: "Menu", exact: true }).click();
    await shoot(page, "phone");
    await page.getByRole("button", { name: "Menu", exact: true }).click();
    await page.setViewportSize({ width: 1280, height: 800 });

    const ownerVaults = await VaultClient.signIn(server.url, {
      email: owner.email,
      password: owner.password,
      secretKey: parseSecretKey(secretKey),
      userId: "",
    });
    await join(server.url, ownerVaults, bea);
    await shootMembers(page);
    await shootOffboarding(page, server.url, ownerVaults, vaultIds);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
