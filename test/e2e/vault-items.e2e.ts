// Vault items as a team meets them day to day: one of each kind of secret is added and read
// back, found again with search and filters, copied to a clipboard that forgets it, saved from
// two tabs at once, restored from its history; and a vault is renamed, re-keyed and deleted.
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
const payments = { name: "Payments", environment: "production" };
const sandbox = {
  name: "Sandbox",
  environment: "development",
  renamed: "Sandbox playground",
};
const login = {
  title: "Stripe dashboard",
  username: "finance@acme.test",
  changedUsername: "ops@acme.test",
  changedPassword: "replaced-Password-99",
};
const apiKey = { title: "Stripe API", key: "pk_live_51Hxyz", secret: "sk_live_abcdef123456" };
const database = {
  title: "Orders database",
  host: "db.internal",
  newerHost: "db-replica.internal",
  port: "5432",
  editedPort: "6543",
  name: "orders",
  username: "orders_app",
  password: "db-Password-77",
};
const sshKey = {
  title: "Deploy key",
  pasted: [
    "-----BEGIN OPENSSH PRIVATE KEY-----",
    "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
    "-----END OPENSSH PRIVATE KEY-----",
  ].join("\n"),
};
const envFile = {
  title: "Sandbox env",
  text: [
    "# Sandbox settings",
    "export A=1",
    'GREETING="hello world"',
    "PLAIN=value # trailing comment",
  ].join("\n"),
  entries: [
    ["A", "1"],
    ["GREETING", "hello world"],
    ["PLAIN", "value"],
  ] as const,
};
// A TLS key as a .env holds it: a double-quoted value spanning lines.
const pemVariable = {
  name: "TLS_KEY",
  value: [
    "-----BEGIN PRIVATE KEY-----",
    "MC4CAQAwBQYDK2VwBCIEIBVm0fLp2x3c1UtQ0m3p3Cz8m3hJb1sQ2x6h7yZ3Yx9k",
    "-----END PRIVATE KEY-----",
  ].join("\n"),
};
const badTotpSeed = "not a seed!";
const note = { title: "Onboarding notes", notes: "Ask Olive for the VPN profile." };
const CLIPBOARD_CLEAR_SECONDS = 3;

let server: RunningServer;
let browser: Browser;
let ownerContext: BrowserContext;
let ownerPage: Page;
let ownerErrors: () => string[];
let generatedPassword = "";
let privateKeyLine = "";
const requestBodies: string[] = [];

async function newPage(context: BrowserContext) {
  const page = await context.newPage();
  page.on("request", (request) => {
    requestBodies.push(`${request.url()}\n${request.postData() ?? ""}`);
  });
  return page;
}

/** Client-side navigation through the main menu: a full page load would lock the keys. */

async function openVaultFromList(page: Page, name: string) {
  await openFromNav(page, "Vaults");
  await page
    .getByRole("list", { name: "Your vaults" })
    .getByRole("link", { name: new RegExp(`^${name}`) })
    .click();
  await page.getByRole("heading", { name, level: 1 }).waitFor();
}

async function backToVault(page: Page, name: string) {
  await page
    .getByRole("navigation", { name: "Breadcrumb" })
    .getByRole("link", { name, exact: true })
    .click();
  await page.getByRole("button", { name: "New item" }).waitFor();
}

async function startItem(page: Page, typeLabel: string) {
  await page.getByRole("button", { name: "New item" }).click();
  await page.getByRole("dialog").getByRole("link", { name: typeLabel, exact: true }).click();
  await page.getByRole("heading", { name: `New ${typeLabel.toLowerCase()}` }).waitFor();
}

async function saveNewItem(page: Page, title: string) {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByRole("heading", { name: title, level: 1 }).waitFor();
}

/** An input or textarea by its label; "Secret" alone also names every field's checkbox. */
function valueInput(page: Page, label: string) {
  return page
    .getByLabel(label, { exact: true })
    .and(page.locator("input:not([type=checkbox]), textarea"));
}

function fieldGroup(page: Page, name: string) {
  return page.getByRole("group", { name, exact: true });
}

/** A secret field reads as a mask until "Reveal", then shows exactly `value`. */
async function revealSecret(page: Page, name: string, value: string) {
  const group = fieldGroup(page, `${name} (secret)`);
  expect(await group.innerText()).not.toContain(value);
  await group.getByRole("button", { name: "Reveal" }).click();
  await group.getByText(value, { exact: true }).waitFor();
}

/** Saves an edit of an existing item and waits for the revision it became. */
async function saveEdit(page: Page) {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByText(/^Saved as revision \d+\.$/).waitFor();
}

async function expectPlainField(page: Page, name: string, value: string) {
  await fieldGroup(page, name).getByText(value, { exact: true }).waitFor();
}

async function unlock(page: Page) {
  await page.getByRole("heading", { name: "Coffer is locked" }).waitFor();
  await page.getByLabel("Master password", { exact: true }).fill(owner.password);
  await page.getByRole("button", { name: "Unlock" }).click();
}

beforeAll(async () => {
  server = await startServer({ kind: "pglite", port: 3303 });
  browser = await launchChromium();
  ownerContext = await browser.newContext();
  await ownerContext.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: server.url,
  });
  ownerPage = await newPage(ownerContext);
  ownerErrors = watchForErrors(ownerPage);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("vault items", () => {
  it("the owner sets up the installation and makes a production and a development vault", async () => {
    await setUpOwnerInBrowser(ownerPage, server.url, owner);

    for (const vault of [payments, sandbox]) {
      await openFromNav(ownerPage, "Vaults");
      await ownerPage.getByRole("button", { name: "New vault" }).first().click();
      const dialog = ownerPage.getByRole("dialog", { name: "New vault" });
      await dialog.getByLabel("Vault name").fill(vault.name);
      await dialog.getByLabel("Environment").selectOption(vault.environment);
      await dialog.getByRole("button", { name: "Create vault" }).click();
      await ownerPage.getByRole("heading", { name: vault.name, level: 1 }).waitFor();
      await ownerPage.getByText("This vault is empty").waitFor();
    }
  });

  it("a login takes a generated password, with its strength shown", async () => {
    await openVaultFromList(ownerPage, payments.name);
    await startItem(ownerPage, "Login");
    await ownerPage.getByLabel("Title").fill(login.title);
    await ownerPage.getByLabel("Username").fill(login.username);
    await ownerPage.getByRole("button", { name: "Generate", exact: true }).click();
    const generator = ownerPage.getByRole("dialog", { name: "Password generator" });
    await generator.getByText(/^Strength: (Strong|Very strong)/).waitFor();
    generatedPassword = (await generator.locator("p").first().innerText()).trim();
    expect(generatedPassword.length).toBeGreaterThanOrEqual(16);
    await generator.getByRole("button", { name: "Use this" }).click();
    await generator.waitFor({ state: "detached" });
    const password = valueInput(ownerPage, "Password");
    expect(await password.inputValue()).toBe(generatedPassword);
    expect(await password.getAttribute("type")).toBe("password");
    await saveNewItem(ownerPage, login.title);

    await expectPlainField(ownerPage, "Username", login.username);
    await revealSecret(ownerPage, "Password", generatedPassword);
  });

  it("an API key and a database are saved and read back, secrets masked", async () => {
    await backToVault(ownerPage, payments.name);
    await startItem(ownerPage, "API key");
    await ownerPage.getByLabel("Title").fill(apiKey.title);
    await valueInput(ownerPage, "Key").fill(apiKey.key);
    await valueInput(ownerPage, "Secret").fill(apiKey.secret);
    await saveNewItem(ownerPage, apiKey.title);
    await expectPlainField(ownerPage, "Key", apiKey.key);
    await revealSecret(ownerPage, "Secret", apiKey.secret);

    await backToVault(ownerPage, payments.name);
    await startItem(ownerPage, "Database");
    await ownerPage.getByLabel("Title").fill(database.title);
    await valueInput(ownerPage, "Host").fill(database.host);
    await valueInput(ownerPage, "Port").fill(database.port);
    await valueInput(ownerPage, "Database").fill(database.name);
    await valueInput(ownerPage, "Username").fill(database.username);
    await valueInput(ownerPage, "Password").fill(database.password);
    await saveNewItem(ownerPage, database.title);
    await expectPlainField(ownerPage, "Host", database.host);
    await expectPlainField(ownerPage, "Port", database.port);
    await expectPlainField(ownerPage, "Database", database.name);
    await expectPlainField(ownerPage, "Username", database.username);
    await revealSecret(ownerPage, "Password", database.password);
  });

  it("an SSH key is generated on the device as Ed25519, its private half kept secret", async () => {
    await openVaultFromList(ownerPage, sandbox.name);
    await startItem(ownerPage, "SSH key");
    await ownerPage.getByLabel("Title").fill(sshKey.title);
    const privateKeyInput = valueInput(ownerPage, "Private key");
    const masking = () =>
      privateKeyInput.evaluate((element) =>
        getComputedStyle(element).getPropertyValue("-webkit-text-security"),
      );
    // A key pasted into the masked field keeps its line breaks, or it would not load.
    await privateKeyInput.fill(sshKey.pasted);
    expect(await masking()).toBe("disc");
    expect(await privateKeyInput.inputValue()).toBe(sshKey.pasted);

    await ownerPage.getByRole("button", { name: "Generate Ed25519 key" }).click();
    const publicKey = await valueInput(ownerPage, "Public key").inputValue();
    expect(publicKey).toMatch(/^ssh-ed25519 [A-Za-z0-9+/]+=* Deploy key$/);
    const generated = await privateKeyInput.inputValue();
    expect(generated).toMatch(
      /^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+\n-----END OPENSSH PRIVATE KEY-----\n?$/,
    );
    expect(await masking()).toBe("disc");
    expect(await valueInput(ownerPage, "Fingerprint").inputValue()).toMatch(/^SHA256:/);
    await saveNewItem(ownerPage, sshKey.title);

    await expectPlainField(ownerPage, "Public key", publicKey);
    const privateKey = fieldGroup(ownerPage, "Private key (secret)");
    expect(await privateKey.innerText()).not.toContain("OPENSSH");
    await privateKey.getByRole("button", { name: "Reveal" }).click();
    const revealed = await ownerPage.getByTestId("field-value-Private key").innerText();
    expect(revealed.trim()).toBe(generated.trim());
    // The lines near the end hold the private scalar; the first ones are the same for every key.
    const body = generated.trim().split("\n").slice(1, -1);
    privateKeyLine = body[body.length - 2] ?? "";
    expect(privateKeyLine.length).toBeGreaterThan(20);
  });

  it("an environment file is pasted as .env and becomes a list of secret variables", async () => {
    await backToVault(ownerPage, sandbox.name);
    await startItem(ownerPage, "Environment file");
    await ownerPage.getByLabel("Title").fill(envFile.title);
    await ownerPage.getByLabel("Paste .env").fill(envFile.text);
    await ownerPage.getByRole("button", { name: "Import" }).click();
    await ownerPage.getByRole("status").filter({ hasText: "Imported 3 variables." }).waitFor();
    const names = await ownerPage
      .getByLabel("Field name")
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(names).toEqual(envFile.entries.map(([name]) => name));
    for (const [name, value] of envFile.entries) {
      const input = valueInput(ownerPage, name);
      expect(await input.inputValue()).toBe(value);
      expect(await input.getAttribute("type")).toBe("password");
    }
    await saveNewItem(ownerPage, envFile.title);
    for (const [name, value] of envFile.entries) await revealSecret(ownerPage, name, value);
    expect(await ownerPage.getByText("Sandbox settings").count()).toBe(0);
  });

  it("a PEM key pasted as .env keeps every line break through an edit and a save", async () => {
    await ownerPage.getByRole("button", { name: "Edit" }).click();
    await ownerPage.getByLabel("Paste .env").fill(`${pemVariable.name}="${pemVariable.value}"\n`);
    await ownerPage.getByRole("button", { name: "Import" }).click();
    await ownerPage.getByRole("status").filter({ hasText: "Imported 1 variable." }).waitFor();
    const tagName = () => valueInput(ownerPage, pemVariable.name).evaluate((e) => e.tagName);
    // An <input> would strip the line breaks from its value on the next keystroke.
    expect(await tagName()).toBe("TEXTAREA");
    await saveEdit(ownerPage);

    // The next edit types into the key itself, which is where the line breaks used to go.
    await ownerPage.getByRole("button", { name: "Edit" }).click();
    expect(await tagName()).toBe("TEXTAREA");
    const editor = valueInput(ownerPage, pemVariable.name);
    await editor.focus();
    await ownerPage.keyboard.press("Control+End");
    await ownerPage.keyboard.type(" ");
    await ownerPage.keyboard.press("Backspace");
    expect(await editor.inputValue()).toBe(pemVariable.value);
    await saveEdit(ownerPage);

    const group = fieldGroup(ownerPage, `${pemVariable.name} (secret)`);
    await group.getByRole("button", { name: "Reveal" }).click();
    const shown = ownerPage.getByTestId(`field-value-${pemVariable.name}`);
    expect(await shown.innerText()).toBe(pemVariable.value);
  });

  it("an invalid one-time code seed is refused at save, on its field, with nothing lost", async () => {
    await ownerPage.getByRole("button", { name: "Edit" }).click();
    await valueInput(ownerPage, "PLAIN").fill("edited before the refusal");
    await ownerPage.getByRole("button", { name: "Add variable" }).click();
    await ownerPage.getByLabel("Field name").last().fill("OTP");
    await ownerPage.getByLabel("Kind").last().selectOption("totp");
    const seed = valueInput(ownerPage, "OTP");
    await seed.fill(badTotpSeed);
    await ownerPage.getByRole("button", { name: "Save", exact: true }).click();

    await ownerPage
      .getByRole("alert")
      .filter({ hasText: "OTP: This is not a valid TOTP seed" })
      .waitFor();
    expect(await seed.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await seed.getAttribute("aria-describedby")) ?? "";
    expect(await ownerPage.locator(`[id="${describedBy}"]`).innerText()).toMatch(
      /^This is not a valid TOTP seed\. Paste the base32 secret/,
    );
    // Still the form, with every edit in it.
    expect(await seed.inputValue()).toBe(badTotpSeed);
    expect(await valueInput(ownerPage, "PLAIN").inputValue()).toBe("edited before the refusal");
    expect(await valueInput(ownerPage, pemVariable.name).inputValue()).toBe(pemVariable.value);

    await seed.fill("JBSWY3DPEHPK3PXP");
    await saveEdit(ownerPage);
    await revealSecret(ownerPage, "PLAIN", "edited before the refusal");
    expect(await ownerPage.getByText("Not a valid TOTP seed").count()).toBe(0);
  });

  it("a secure note is saved and read back", async () => {
    await backToVault(ownerPage, sandbox.name);
    await startItem(ownerPage, "Secure note");
    await ownerPage.getByLabel("Title").fill(note.title);
    await ownerPage.getByLabel("Notes").fill(note.notes);
    await saveNewItem(ownerPage, note.title);
    await ownerPage.getByText(note.notes, { exact: true }).waitFor();

    await backToVault(ownerPage, sandbox.name);
    const items = ownerPage.getByRole("list", { name: "Items" });
    for (const title of [sshKey.title, envFile.title, note.title]) {
      await items.getByRole("link", { name: new RegExp(`^${title}`) }).waitFor();
    }
  });

  it("the Vaults page's search narrows as you type and opens the highlighted item with Enter", async () => {
    await openFromNav(ownerPage, "Vaults");
    const results = ownerPage.getByRole("listbox", { name: "Items" });
    await results.getByRole("option").nth(5).waitFor();
    expect(await results.getByRole("option").count()).toBe(6);

    // "/" opens the palette on every page (test/e2e/large-vault.e2e.ts); this box filters here.
    const search = ownerPage.getByRole("searchbox", { name: "Search" });
    await search.click();
    await ownerPage.keyboard.type("stripe");
    await results.getByRole("option", { name: new RegExp(database.title) }).waitFor({
      state: "detached",
    });
    const titles = await results.getByRole("option").allInnerTexts();
    expect(titles.map((text) => text.split("\n")[0])).toEqual([apiKey.title, login.title]);
    await results.getByRole("option", { name: new RegExp(apiKey.title), selected: true }).waitFor();

    await search.press("ArrowDown");
    await results.getByRole("option", { name: new RegExp(login.title), selected: true }).waitFor();
    await search.press("Enter");
    await ownerPage.getByRole("heading", { name: login.title, level: 1 }).waitFor();
  });

  it("filters by type and environment narrow the list, and an empty result says what to do", async () => {
    await openFromNav(ownerPage, "Vaults");
    const results = ownerPage.getByRole("listbox", { name: "Items" });
    await results.getByRole("option").nth(5).waitFor();
    const byType = ownerPage.getByLabel("Filter by type");
    const byEnvironment = ownerPage.getByLabel("Filter by stage");

    await byType.selectOption({ label: "SSH key" });
    await results.getByRole("option", { name: new RegExp(login.title) }).waitFor({
      state: "detached",
    });
    expect((await results.getByRole("option").allInnerTexts()).length).toBe(1);
    await results.getByRole("option", { name: new RegExp(sshKey.title) }).waitFor();

    await byType.selectOption({ label: "All types" });
    await byEnvironment.selectOption({ label: "Development" });
    await results.getByRole("option", { name: new RegExp(note.title) }).waitFor();
    const titles = (await results.getByRole("option").allInnerTexts()).map(
      (text) => text.split("\n")[0],
    );
    expect(titles).toEqual([sshKey.title, note.title, envFile.title]);

    await byType.selectOption({ label: "Login" });
    await ownerPage.getByText("Nothing matches these filters.").waitFor();
    expect(await results.count()).toBe(0);
    await ownerPage.getByRole("button", { name: "Clear search and filters" }).click();
    await results.getByRole("option").nth(5).waitFor();
    expect(await byType.inputValue()).toBe("");
    expect(await byEnvironment.inputValue()).toBe("");
  });

  it("a copied secret is on the clipboard, and gone after this device's delay", async () => {
    await ownerPage.evaluate(
      (seconds) => localStorage.setItem("coffer.clipboardClearSeconds", seconds),
      String(CLIPBOARD_CLEAR_SECONDS),
    );
    await openVaultFromList(ownerPage, payments.name);
    await openFromNav(ownerPage, "Settings");
    const setting = ownerPage.getByLabel("Clear copied secrets from the clipboard (this device)");
    expect(await setting.inputValue()).toBe(String(CLIPBOARD_CLEAR_SECONDS));
    expect(await setting.locator("option:checked").innerText()).toBe(
      `After ${CLIPBOARD_CLEAR_SECONDS} seconds`,
    );

    await openVaultFromList(ownerPage, payments.name);
    await ownerPage
      .getByRole("list", { name: "Items" })
      .getByRole("link", { name: new RegExp(`^${apiKey.title}`) })
      .click();
    await ownerPage.getByRole("heading", { name: apiKey.title, level: 1 }).waitFor();
    const secret = fieldGroup(ownerPage, "Secret (secret)");
    await secret.getByRole("button", { name: "Copy" }).click();
    const copiedAt = Date.now();
    await secret.getByRole("button", { name: "Copied" }).waitFor();
    const readClipboard = () => ownerPage.evaluate(() => navigator.clipboard.readText());
    expect(await readClipboard()).toBe(apiKey.secret);
    // The one wait on the clock: the clipboard is cleared by a timer, not by anything on screen.
    await expect
      .poll(readClipboard, { timeout: (CLIPBOARD_CLEAR_SECONDS + 5) * 1000, interval: 250 })
      .toBe("");
    expect(Date.now() - copiedAt).toBeGreaterThanOrEqual(CLIPBOARD_CLEAR_SECONDS * 1000 - 500);
    await ownerPage.evaluate(() => localStorage.removeItem("coffer.clipboardClearSeconds"));
  });

  it("a save from a stale tab is refused with Reload, keeping the unsaved edit", async () => {
    await backToVault(ownerPage, payments.name);
    await ownerPage
      .getByRole("list", { name: "Items" })
      .getByRole("link", { name: new RegExp(`^${database.title}`) })
      .click();
    await ownerPage.getByRole("heading", { name: database.title, level: 1 }).waitFor();
    const itemUrl = ownerPage.url();

    const secondPage = await newPage(ownerContext);
    // The refused save is answered 409, which the browser logs.
    const secondErrors = watchForErrors(secondPage, [/status of 409/]);
    await secondPage.goto(itemUrl);
    await unlock(secondPage);
    await secondPage.getByRole("heading", { name: database.title, level: 1 }).waitFor({
      timeout: 60_000,
    });
    await secondPage.getByRole("button", { name: "Edit" }).click();
    await valueInput(secondPage, "Port").fill(database.editedPort);

    await ownerPage.getByRole("button", { name: "Edit" }).click();
    await valueInput(ownerPage, "Host").fill(database.newerHost);
    await ownerPage.getByRole("button", { name: "Save", exact: true }).click();
    await ownerPage.getByText("Saved as revision 2.").waitFor();

    await secondPage.getByRole("button", { name: "Save", exact: true }).click();
    const conflict = secondPage
      .getByRole("status")
      .filter({ hasText: "Someone else saved this item — Reload" });
    await conflict.waitFor();
    expect(await valueInput(secondPage, "Port").inputValue()).toBe(database.editedPort);
    await conflict.getByRole("button", { name: "Reload" }).click();
    await conflict.waitFor({ state: "detached" });
    await secondPage.getByText(/· revision 2(?!\d)/).waitFor();
    expect(await valueInput(secondPage, "Port").inputValue()).toBe(database.editedPort);

    await secondPage.getByRole("button", { name: "Cancel" }).click();
    await expectPlainField(secondPage, "Host", database.newerHost);
    await expectPlainField(secondPage, "Port", database.port);

    // On top of the newer revision the edit goes through.
    await secondPage.getByRole("button", { name: "Edit" }).click();
    await valueInput(secondPage, "Port").fill(database.editedPort);
    await secondPage.getByRole("button", { name: "Save", exact: true }).click();
    await secondPage.getByText("Saved as revision 3.").waitFor();
    await expectPlainField(secondPage, "Host", database.newerHost);
    await expectPlainField(secondPage, "Port", database.editedPort);
    expect(secondErrors()).toEqual([]);
    await secondPage.close();
  });

  it("restoring an old revision from History saves it as a new revision", async () => {
    await backToVault(ownerPage, payments.name);
    await ownerPage
      .getByRole("list", { name: "Items" })
      .getByRole("link", { name: new RegExp(`^${login.title}`) })
      .click();
    await ownerPage.getByRole("heading", { name: login.title, level: 1 }).waitFor();
    await ownerPage.getByRole("button", { name: "Edit" }).click();
    await valueInput(ownerPage, "Username").fill(login.changedUsername);
    await valueInput(ownerPage, "Password").fill(login.changedPassword);
    await ownerPage.getByRole("button", { name: "Save", exact: true }).click();
    await ownerPage.getByText("Saved as revision 2.").waitFor();
    await expectPlainField(ownerPage, "Username", login.changedUsername);

    await ownerPage.getByRole("button", { name: "History" }).click();
    await ownerPage
      .getByRole("list", { name: "Revisions" })
      .getByRole("button", { name: /^Revision 1\b/ })
      .click();
    await ownerPage.getByRole("heading", { name: "Revision 1 created the item" }).waitFor();
    await ownerPage.getByRole("button", { name: "Restore this version" }).click();
    await ownerPage.getByText("Saved as revision 3.").waitFor();
    await ownerPage
      .getByText(/· revision 3(?!\d)/)
      .first()
      .waitFor();

    await expectPlainField(ownerPage, "Username", login.username);
    await revealSecret(ownerPage, "Password", generatedPassword);

    await ownerPage.getByRole("button", { name: "History" }).click();
    await ownerPage.getByRole("heading", { name: "Changes from revision 2 to 3" }).waitFor();
    const usernameChange = ownerPage.getByTestId("diff-row").filter({ hasText: "Username" });
    await usernameChange.getByText(login.changedUsername).waitFor();
    await usernameChange.getByText(login.username).waitFor();
  });

  it("a vault is renamed, re-keyed on demand and deleted only once its name is typed", async () => {
    await openVaultFromList(ownerPage, sandbox.name);
    await ownerPage.getByRole("tab", { name: "Settings" }).click();
    await ownerPage.getByLabel("Vault name").fill(sandbox.renamed);
    await ownerPage.getByRole("button", { name: "Save", exact: true }).click();
    await ownerPage.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    await ownerPage.getByRole("heading", { name: sandbox.renamed, level: 1 }).waitFor();

    await openVaultFromList(ownerPage, sandbox.renamed);
    await ownerPage.getByText(/^Your role:.*key version 1$/).waitFor();
    await ownerPage.getByRole("tab", { name: "Settings" }).click();

    // The rotation is held at the server's door so its progress can be seen however fast the
    // re-encryption is.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const rotateUrl = /\/api\/v1\/vaults\/[^/]+\/rotate$/;
    await ownerPage.route(rotateUrl, async (route) => {
      await held;
      await route.continue();
    });
    await ownerPage.getByRole("button", { name: "Rotate key" }).click();
    await ownerPage.getByRole("progressbar", { name: "Rotating the vault key" }).waitFor();
    await ownerPage
      .getByRole("status")
      .filter({ hasText: /Re-encrypting \d+ of \d+ items…|Sealing the new key/ })
      .waitFor();
    release();
    await ownerPage.getByText("Key rotated; the vault is now at key version 2.").waitFor();
    await ownerPage.unroute(rotateUrl);
    await ownerPage.getByText(/^Your role:.*key version 2$/).waitFor();

    // Everything still opens under the new key.
    await ownerPage.getByRole("tab", { name: "Items" }).click();
    await ownerPage.getByRole("link", { name: new RegExp(`^${note.title}`) }).click();
    await ownerPage.getByText(note.notes, { exact: true }).waitFor();

    await backToVault(ownerPage, sandbox.renamed);
    await ownerPage.getByRole("tab", { name: "Settings" }).click();
    await ownerPage.getByRole("button", { name: "Delete vault" }).click();
    const dialog = ownerPage.getByRole("dialog", { name: "Delete this vault?" });
    const confirm = dialog.getByRole("button", { name: "Delete vault" });
    expect(await confirm.isDisabled()).toBe(true);
    const typed = dialog.getByLabel("Type the vault name to confirm");
    await typed.fill(sandbox.name);
    expect(await confirm.isDisabled()).toBe(true);
    await typed.fill(sandbox.renamed);
    expect(await confirm.isEnabled()).toBe(true);
    await confirm.click();

    await ownerPage.waitForURL(/\/vaults$/);
    const vaults = ownerPage.getByRole("list", { name: "Your vaults" });
    await vaults.getByRole("link", { name: new RegExp(`^${payments.name}`) }).waitFor();
    expect(await vaults.getByRole("link").count()).toBe(1);
    const results = ownerPage.getByRole("listbox", { name: "Items" });
    await results.getByRole("option").nth(2).waitFor();
    expect(await results.getByRole("option").count()).toBe(3);
  });

  it("never sends a secret, a title or a vault name to the server in the clear", () => {
    const traffic = requestBodies.join("\n");
    for (const secret of [
      generatedPassword,
      login.changedPassword,
      apiKey.secret,
      database.password,
      privateKeyLine,
      "OPENSSH PRIVATE KEY",
      "hello world",
      "GREETING",
      pemVariable.name,
      "BEGIN PRIVATE KEY",
      badTotpSeed,
      note.notes,
      login.title,
      database.title,
      payments.name,
      sandbox.renamed,
    ]) {
      expect(traffic.includes(secret), `leaked ${secret.slice(0, 4)}…`).toBe(false);
    }
    expect(ownerErrors()).toEqual([]);
  });
});
