// Regenerates the README's screenshots: `npm run docs:screenshots` after `next build` (with the
// same COFFER_DIST_DIR, if any). A fresh installation on a port of its own is set up and filled
// through the browser, as a person would, then photographed on a desktop, on a phone and in
// dark mode. Everything shown is made up here; nothing is read from a real installation.
import path from "node:path";
import type { Page } from "playwright-core";
import { launchChromium } from "../test/support/browser";
import { setUpOwnerInBrowser } from "../test/support/browser-flows";
import { startServer } from "../test/support/server";

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
  { title: "Deploy bot", username: "deploy@acme.test", password: "made-up-Secret-value-1" },
  { title: "Grafana admin", username: "ops@acme.test", password: "made-up-Secret-value-2" },
  { title: "Status page", username: "status@acme.test", password: "made-up-Secret-value-3" },
];

/** The main navigation, through the Menu on a narrow screen (test/support/e2e-steps.ts does the same for specs). */
async function openFromNav(page: Page, label: string) {
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  if ((await menu.isVisible()) && (await menu.getAttribute("aria-expanded")) !== "true") {
    await menu.click();
  }
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
}

async function createVault(page: Page, vault: (typeof vaults)[number]) {
  await openFromNav(page, "Vaults");
  await page.getByRole("button", { name: "New vault" }).first().click();
  const dialog = page.getByRole("dialog", { name: "New vault" });
  await dialog.getByLabel("Vault name").fill(vault.name);
  await dialog.getByLabel("Environment").selectOption(vault.environment);
  await dialog.getByRole("button", { name: "Create vault" }).click();
  await page.getByRole("heading", { name: vault.name, level: 1 }).waitFor();
}

async function addLogin(page: Page, login: (typeof logins)[number]) {
  await page.getByRole("button", { name: "New item" }).click();
  await page.getByRole("dialog").getByRole("link", { name: "Login", exact: true }).click();
  await page.getByLabel("Title").fill(login.title);
  await page.getByLabel("Username").fill(login.username);
  await page.getByLabel("Password", { exact: true }).fill(login.password);
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

async function shoot(page: Page, name: string) {
  // Focus rings and caret blinks are not part of the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(folder, `${name}.png`) });
  console.log(`Wrote docs/screenshots/${name}.png`);
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
    await setUpOwnerInBrowser(page, server.url, owner);
    for (const vault of vaults) await createVault(page, vault);
    await openVault(page, vaults[0]!.name, { withItems: false });
    for (const login of logins) await addLogin(page, login);

    await openVault(page, vaults[0]!.name);
    await shoot(page, "desktop");

    await page.emulateMedia({ colorScheme: "dark" });
    await page.getByRole("link", { name: new RegExp(`^${logins[0]!.title}`) }).click();
    await page.getByRole("heading", { name: logins[0]!.title, level: 1 }).waitFor();
    await shoot(page, "dark");
    await page.emulateMedia({ colorScheme: "light" });

    // A phone: the same session in a narrow window, the menu open above the vault.
    await page.setViewportSize({ width: 390, height: 844 });
    await openVault(page, vaults[0]!.name);
    await page.getByRole("button", { name: "Menu", exact: true }).click();
    await shoot(page, "phone");
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
