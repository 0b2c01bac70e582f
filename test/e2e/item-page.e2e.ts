// The item page's rough edges, each as someone meets it: a login's address opens as a link (and
// a script address never does), an SSH key and an environment file leave as files, a database
// copies as one connection string, an empty password says it is empty, a port that is not a
// port is refused on its field, unsaved edits are not lost to a reload, a breadcrumb or the Back
// button, and on a phone the page fits the screen.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Dialog, Page } from "playwright-core";
import { launchChromium, watchForErrors } from "../support/browser";
import { setUpOwnerInBrowser } from "../support/browser-flows";
import { openFromNav } from "../support/e2e-steps";
import { startServer, type RunningServer } from "../support/server";

const owner = {
  organisation: "Acme Robotics",
  name: "Olive Owner",
  email: "olive@acme.test",
  password: "a long and memorable passphrase",
};
const vaultName = "Platform";
const login = {
  title: "Stripe dashboard for the finance team",
  username: "finance@acme.test",
  safeUrl: "https://dashboard.stripe.test/login",
  scriptUrl: "javascript:alert(document.domain)",
  dataUrl: "data:text/html,<script>alert(1)</script>",
  totpSeed: "JBSWY3DPEHPK3PXP",
};
const sshKey = { title: "Deploy key", fileName: "id_deploy_key" };
const envFile = {
  title: "App env",
  pasted: [
    "API_URL=https://api.acme.test/v1",
    'GREETING="hello world"',
    'QUOTE=say "hi"',
    'PEM="line one\\nline two"',
  ].join("\n"),
  // What `coffer env` would write: quoted where a value needs it, line breaks escaped.
  expected: [
    "API_URL=https://api.acme.test/v1",
    'GREETING="hello world"',
    'QUOTE="say \\"hi\\""',
    'PEM="line one\\nline two"',
    "",
  ].join("\n"),
};
const database = {
  title: "Orders database",
  host: "db.internal",
  port: "5432",
  name: "orders",
  username: "orders_app",
  password: "p@ss:w/rd#1 ok",
  postgresUrl: "postgresql://orders_app:p%40ss%3Aw%2Frd%231%20ok@db.internal:5432/orders",
  mysqlUrl: "mysql://orders_app:p%40ss%3Aw%2Frd%231%20ok@db.internal:5432/orders",
  badPort: "not-a-port",
  goodPort: "6543",
  unsavedHost: "db-unsaved.internal",
};
const CLIPBOARD_CLEAR_SECONDS = 3;
const PORT_SENTENCE = "A port is a whole number from 1 to 65535.";

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: () => string[];
const itemWrites: string[] = [];

function valueInput(label: string) {
  return page
    .getByLabel(label, { exact: true })
    .and(page.locator("input:not([type=checkbox]), textarea"));
}

const fieldGroup = (name: string) => page.getByRole("group", { name, exact: true });
const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());

async function openVault() {
  await openFromNav(page, "Vaults");
  await page
    .getByRole("list", { name: "Your vaults" })
    .getByRole("link", { name: new RegExp(`^${vaultName}`) })
    .click();
  await page.getByRole("button", { name: "New item" }).waitFor();
}

async function startItem(typeLabel: string) {
  await openVault();
  await page.getByRole("button", { name: "New item" }).click();
  await page.getByRole("dialog").getByRole("link", { name: typeLabel, exact: true }).click();
  await page.getByRole("heading", { name: `New ${typeLabel.toLowerCase()}` }).waitFor();
}

async function saveNewItem(title: string) {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByRole("heading", { name: title, level: 1 }).waitFor();
}

async function openItem(title: string) {
  await openVault();
  await page
    .getByRole("list", { name: "Items" })
    .getByRole("link", { name: new RegExp(`^${title}`) })
    .click();
  await page.getByRole("heading", { name: title, level: 1 }).waitFor();
}

/** The next download the page starts, with its suggested name and its bytes as text. */
async function downloadFrom(click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, "utf8") };
}

beforeAll(async () => {
  server = await startServer({ kind: "pglite", port: 3320 });
  browser = await launchChromium();
  context = await browser.newContext({ acceptDownloads: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  page = await context.newPage();
  page.on("request", (request) => {
    if (/\/api\/v1\/vaults\/[^/]+\/items/.test(request.url()) && request.method() !== "GET") {
      itemWrites.push(`${request.method()} ${request.url()}`);
    }
  });
  errors = watchForErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the item page", () => {
  it("the owner sets up the installation and makes a production vault", async () => {
    await setUpOwnerInBrowser(page, server.url, owner);
    await openFromNav(page, "Vaults");
    await page.getByRole("button", { name: "New vault" }).first().click();
    const dialog = page.getByRole("dialog", { name: "New vault" });
    await dialog.getByLabel("Vault name").fill(vaultName);
    await dialog.getByLabel("Environment").selectOption("production");
    await dialog.getByRole("button", { name: "Create vault" }).click();
    await page.getByRole("heading", { name: vaultName, level: 1 }).waitFor();
  });

  it("a login's https address is a link to a new tab; javascript: and data: addresses stay text", async () => {
    await startItem("Login");
    await page.getByLabel("Title").fill(login.title);
    await valueInput("Username").fill(login.username);
    await valueInput("One-time code").fill(login.totpSeed);
    await page.getByLabel("URLs").fill([login.safeUrl, login.scriptUrl, login.dataUrl].join("\n"));
    await saveNewItem(login.title);

    const urls = page.getByRole("list", { name: "URLs" });
    const link = urls.getByRole("link", { name: login.safeUrl });
    expect(await link.getAttribute("href")).toBe(login.safeUrl);
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
    for (const inert of [login.scriptUrl, login.dataUrl]) {
      const text = urls.getByText(inert, { exact: true });
      await text.waitFor();
      expect(await text.evaluate((element) => element.closest("a") === null)).toBe(true);
    }
    expect(await urls.getByRole("link").count()).toBe(1);
    expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i]').count()).toBe(0);
  });

  it("an empty password reads as empty, with nothing to reveal or copy", async () => {
    const password = fieldGroup("Password (secret)");
    await password.getByText("Empty", { exact: true }).waitFor();
    expect(await password.innerText()).not.toContain("•");
    expect(await password.getByRole("button", { name: "Reveal" }).count()).toBe(0);
    expect(await password.getByRole("button", { name: "Copy" }).isDisabled()).toBe(true);
  });

  it("an SSH private key downloads as a key file with exactly its contents", async () => {
    await startItem("SSH key");
    await page.getByLabel("Title").fill(sshKey.title);
    await page.getByRole("button", { name: "Generate Ed25519 key" }).click();
    const privateKey = await valueInput("Private key").inputValue();
    const publicKey = await valueInput("Public key").inputValue();
    await saveNewItem(sshKey.title);

    const group = fieldGroup("Private key (secret)");
    const file = await downloadFrom(() =>
      group.getByRole("button", { name: "Download Private key" }).click(),
    );
    expect(file.name).toBe(sshKey.fileName);
    // OpenSSH refuses a private key file without its final line break.
    expect(file.text).toBe(privateKey.endsWith("\n") ? privateKey : `${privateKey}\n`);
    expect(file.text).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+-----END/);
    // Downloading is not revealing: the value is still masked on screen.
    expect(await group.innerText()).not.toContain("OPENSSH");

    const publicFile = await downloadFrom(() =>
      fieldGroup("Public key").getByRole("button", { name: "Download Public key" }).click(),
    );
    expect(publicFile.name).toBe(`${sshKey.fileName}.pub`);
    expect(publicFile.text.trim()).toBe(publicKey.trim());
  });

  it("an environment file copies as .env and downloads as the same text", async () => {
    await startItem("Environment file");
    await page.getByLabel("Title").fill(envFile.title);
    await page.getByLabel("Paste .env").fill(envFile.pasted);
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByRole("status").filter({ hasText: "Imported 4 variables." }).waitFor();
    await saveNewItem(envFile.title);

    await page.getByRole("button", { name: "Copy as .env" }).click();
    await page.getByRole("status").filter({ hasText: "Copied as .env." }).waitFor();
    expect(await readClipboard()).toBe(envFile.expected);

    const file = await downloadFrom(() =>
      page.getByRole("button", { name: "Download .env" }).click(),
    );
    expect(file.name).toBe("App_env.env");
    expect(file.text).toBe(envFile.expected);
  });

  it("a database copies its connection string, password percent-encoded, and the clipboard forgets it", async () => {
    await page.evaluate(
      (seconds) => localStorage.setItem("coffer.clipboardClearSeconds", seconds),
      String(CLIPBOARD_CLEAR_SECONDS),
    );
    await startItem("Database");
    await page.getByLabel("Title").fill(database.title);
    await valueInput("Host").fill(database.host);
    await valueInput("Port").fill(database.port);
    await valueInput("Database").fill(database.name);
    await valueInput("Username").fill(database.username);
    await valueInput("Password").fill(database.password);
    await saveNewItem(database.title);

    const engine = page.getByLabel("Connection string");
    expect(await engine.locator("option:checked").innerText()).toBe("PostgreSQL");
    await page.getByRole("button", { name: "Copy connection string" }).click();
    const copiedAt = Date.now();
    await page.getByRole("button", { name: "Copied" }).waitFor();
    expect(await readClipboard()).toBe(database.postgresUrl);
    // Never shown on the page: the string holds the password.
    expect(await page.locator("main").innerText()).not.toContain(database.password);
    await expect
      .poll(readClipboard, { timeout: (CLIPBOARD_CLEAR_SECONDS + 5) * 1000, interval: 250 })
      .toBe("");
    expect(Date.now() - copiedAt).toBeGreaterThanOrEqual(CLIPBOARD_CLEAR_SECONDS * 1000 - 500);

    await engine.selectOption({ label: "MySQL / MariaDB" });
    await page.getByRole("button", { name: "Copy connection string" }).click();
    await expect.poll(readClipboard).toBe(database.mysqlUrl);
    await page.evaluate(() => localStorage.removeItem("coffer.clipboardClearSeconds"));
  });

  it("a port that is not a port is refused on its field, before anything is sent", async () => {
    await page.getByRole("button", { name: "Edit" }).click();
    const port = valueInput("Port");
    await port.fill(database.badPort);
    const writesBefore = itemWrites.length;
    await page.getByRole("button", { name: "Save", exact: true }).click();

    await page
      .getByRole("alert")
      .filter({ hasText: `Port: ${PORT_SENTENCE}` })
      .waitFor();
    expect(await port.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await port.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toBe(PORT_SENTENCE);
    expect(await port.inputValue()).toBe(database.badPort);
    expect(itemWrites.length).toBe(writesBefore);

    await port.fill(database.goodPort);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved as revision 2.").waitFor();
    await fieldGroup("Port").getByText(database.goodPort, { exact: true }).waitFor();
  });

  it("unsaved edits ask before a reload and before the breadcrumb, and nothing is lost", async () => {
    await page.getByRole("button", { name: "Edit" }).click();
    await valueInput("Host").fill(database.unsavedHost);

    const dialogs: string[] = [];
    const onDialog = (dialog: Dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    };
    page.on("dialog", onDialog);
    // Dismissed, the browser's question cancels the reload, so the reload never finishes.
    await page.reload({ timeout: 3_000 }).catch(() => {});
    page.off("dialog", onDialog);
    expect(dialogs).toEqual(["beforeunload"]);
    expect(await valueInput("Host").inputValue()).toBe(database.unsavedHost);

    const breadcrumb = page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: vaultName, exact: true });
    await breadcrumb.click();
    const leave = page.getByRole("dialog", { name: "Leave without saving?" });
    await leave.waitFor();
    expect(page.url()).toMatch(/\/items\/[^/]+$/);
    await leave.getByRole("button", { name: "Cancel" }).click();
    await leave.waitFor({ state: "detached" });
    expect(await valueInput("Host").inputValue()).toBe(database.unsavedHost);

    // The main menu is held the same way.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Vaults" })
      .click();
    await leave.waitFor();
    await leave.getByRole("button", { name: "Leave and discard edits" }).click();
    await page.waitForURL(/\/vaults$/);

    // Leaving discarded only the draft: the item is as last saved, and a saved item leaves freely.
    await openItem(database.title);
    await fieldGroup("Host").getByText(database.host, { exact: true }).waitFor();
    await page.getByRole("button", { name: "Edit" }).click();
    await page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: vaultName, exact: true })
      .click();
    await page.getByRole("button", { name: "New item" }).waitFor();
    expect(await page.getByRole("dialog", { name: "Leave without saving?" }).count()).toBe(0);
  });

  it("Back asks as well: staying keeps the edit and the address, leaving goes back", async () => {
    await openItem(database.title);
    const itemUrl = page.url();
    await page.getByRole("button", { name: "Edit" }).click();
    await valueInput("Host").fill(database.unsavedHost);
    const leave = page.getByRole("dialog", { name: "Leave without saving?" });

    await page.goBack();
    await leave.waitFor();
    expect(page.url()).toBe(itemUrl);
    await leave.getByRole("button", { name: "Cancel" }).click();
    await leave.waitFor({ state: "detached" });
    expect(page.url()).toBe(itemUrl);
    expect(await valueInput("Host").inputValue()).toBe(database.unsavedHost);

    // Staying holds the next Back too; leaving then goes to the page before the item.
    await page.goBack();
    await leave.waitFor();
    await leave.getByRole("button", { name: "Leave and discard edits" }).click();
    await page.getByRole("button", { name: "New item" }).waitFor();
    expect(page.url()).toMatch(/\/vaults\/[^/]+$/);

    // Once saved, Back leaves at once: no question, and no second copy of the item to step over.
    await openItem(database.title);
    await fieldGroup("Host").getByText(database.host, { exact: true }).waitFor();
    await page.getByRole("button", { name: "Edit" }).click();
    await valueInput("Host").fill(database.unsavedHost);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved as revision 3.").waitFor();
    await page.goBack();
    await page.getByRole("button", { name: "New item" }).waitFor();
    expect(page.url()).toMatch(/\/vaults\/[^/]+$/);
    expect(await leave.count()).toBe(0);

    // A new item, once saved, stands where its blank form stood: one Back returns to the vault.
    await startItem("Secure note");
    await page.getByLabel("Title").fill("Back-button note");
    await saveNewItem("Back-button note");
    await page.goBack();
    await page.getByRole("button", { name: "New item" }).waitFor();
    expect(page.url()).toMatch(/\/vaults\/[^/]+$/);
  });

  it("at 390 px the item page fits: the title wraps, History clears the badge, the code stays on one line", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openItem(login.title);
    const main = page.locator("main");

    const heading = page.getByRole("heading", { name: login.title, level: 1 });
    const title = await heading.evaluate((element) => ({
      overflows: element.scrollWidth > element.clientWidth + 1,
      ellipsis: getComputedStyle(element).textOverflow === "ellipsis",
    }));
    expect(title).toEqual({ overflows: false, ellipsis: false });

    const history = await page.getByRole("button", { name: "History" }).boundingBox();
    const badge = await main.getByText("Production", { exact: true }).boundingBox();
    expect(history && badge).toBeTruthy();
    if (history && badge) {
      const apart =
        history.x >= badge.x + badge.width ||
        badge.x >= history.x + history.width ||
        history.y >= badge.y + badge.height ||
        badge.y >= history.y + history.height;
      expect(apart).toBe(true);
    }

    const code = page.getByTestId("totp-code");
    expect(await code.innerText()).toMatch(/^\d{3} \d{3}$/);
    expect(await code.evaluate((element) => element.getClientRects().length)).toBe(1);

    // Nothing in the page's content reaches past the right edge of the screen.
    const overflowing = await main.evaluate((element) => {
      const edge = element.getBoundingClientRect().right + 1;
      return [...element.querySelectorAll("*")]
        .filter((child) => child.getBoundingClientRect().right > edge)
        .map((child) => `${child.tagName.toLowerCase()} ${child.textContent?.slice(0, 30)}`);
    });
    expect(overflowing).toEqual([]);
    expect(await main.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("logs no error on the way", () => {
    expect(errors()).toEqual([]);
  });
});
