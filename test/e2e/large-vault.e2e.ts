// A large vault as someone with one meets it: 2,000 items seeded through the API open page by
// page into a virtualised list that scrolls to the last title, a 500-character tag stays inside
// its row, and from another page "/" opens the palette that finds one item among them all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { encryptItem, formatSecretKey, getSodium, KDF_V1 } from "../../lib/crypto";
import { launchChromium, watchForErrors } from "../support/browser";
import { submitSignIn, waitForHome } from "../support/browser-flows";
import { openFromNav } from "../support/e2e-steps";
import { ApiClient, makeAccount } from "../support/protocol-client";
import { startServer, type RunningServer } from "../support/server";
import { randomId, samplePlaintext, VaultClient } from "../support/vault-client";

const itemCount = 2000;
const password = "a large vault's long passphrase";
const longTag = `tag-${"x".repeat(496)}`;
const title = (index: number) => `Service ${String(index).padStart(4, "0")}`;

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: () => string[];
let vaultName = "";

beforeAll(async () => {
  await getSodium();
  server = await startServer({ kind: "pglite", port: 3325 });
  const { account, secrets } = await makeAccount({
    email: "large@example.test",
    name: "Lara Large",
    password,
    kdf: { ...KDF_V1 },
  });
  await new ApiClient(server.url).request("/api/v1/setup", {
    json: { organizationName: "Large Co", account },
  });
  const owner = await VaultClient.signIn(server.url, secrets);
  vaultName = "Everything";
  const { vaultId, key } = await owner.createVault(vaultName);
  for (let start = 0; start < itemCount; start += 500) {
    const items = Array.from({ length: 500 }, (_, offset) => {
      const id = randomId();
      const plaintext = samplePlaintext(title(start + offset));
      plaintext.tags = start + offset === 7 ? [longTag] : [`team-${(start + offset) % 12}`];
      return {
        id,
        ciphertext: encryptItem(key, plaintext, {
          vaultId,
          itemId: id,
          keyVersion: 1,
          revision: 1,
        }),
      };
    });
    const response = await owner.api.request(`/api/v1/vaults/${vaultId}/items/batch`, {
      json: { keyVersion: 1, items },
    });
    expect(response.status).toBe(201);
  }

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  errors = watchForErrors(page);
  await submitSignIn(page, server.url, {
    email: secrets.email,
    password,
    secretKey: formatSecretKey(secrets.secretKey),
  });
  await waitForHome(page);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a vault of 2,000 items", () => {
  it("lists its first rows, then every item, keeping only a screenful in the page", async () => {
    await openFromNav(page, "Vaults");
    await page
      .getByRole("link", { name: new RegExp(vaultName) })
      .first()
      .click();
    const list = page.getByRole("list", { name: "Items" });
    await list.getByRole("link", { name: new RegExp(`^${title(0)}`) }).waitFor();
    await page.getByText(/Decrypting \d+ of 2000 items/).waitFor({ state: "detached" });
    const rendered = await list.getByRole("listitem").count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    expect(await list.getByRole("listitem").first().getAttribute("aria-setsize")).toBe(
      String(itemCount),
    );
  });

  it("scrolls to the last title, in title order", async () => {
    const list = page.getByRole("list", { name: "Items" });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await list.getByRole("link", { name: new RegExp(`^${title(itemCount - 1)}`) }).waitFor();
    const last = list.getByRole("listitem").last();
    expect(await last.getAttribute("aria-posinset")).toBe(String(itemCount));
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it("keeps a 500-character tag inside its row, whole in the tooltip", async () => {
    const row = page
      .getByRole("list", { name: "Items" })
      .getByRole("link", { name: new RegExp(`^${title(7)}`) });
    await row.waitFor();
    const tag = row.getByTitle(longTag);
    await tag.waitFor();
    const [rowBox, tagBox] = [await row.boundingBox(), await tag.boundingBox()];
    expect(rowBox && tagBox).toBeTruthy();
    expect(tagBox!.x + tagBox!.width).toBeLessThanOrEqual(rowBox!.x + rowBox!.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1280,
    );
  });

  it("finds an item from another page through the palette, by keyboard alone", async () => {
    await openFromNav(page, "Home");
    // Home must have taken over first: a page still arriving would take the focus back.
    await page.waitForURL(/\/home$/);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.keyboard.press("/");
    const dialog = page.getByRole("dialog", { name: "Search every vault" });
    await dialog.waitFor();
    const combobox = dialog.getByRole("combobox", { name: "Search every vault" });
    expect(await combobox.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type("service 1234");
    const results = dialog.getByRole("listbox", { name: "Search results" });
    await results.getByRole("option", { name: new RegExp(title(1234)) }).waitFor();
    expect(await results.getByRole("option").count()).toBe(1);
    expect(await combobox.getAttribute("aria-controls")).toBe(await results.getAttribute("id"));
    // No link or button inside an option: the combobox alone takes the keyboard.
    expect(await results.locator("a, button, input").count()).toBe(0);

    await page.keyboard.type("9");
    await dialog.getByText("No item matches.").waitFor();
    expect(await combobox.getAttribute("aria-controls")).toBeNull();
    await page.keyboard.press("Backspace");
    await results.getByRole("option", { name: new RegExp(title(1234)), selected: true }).waitFor();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: title(1234), level: 1 }).waitFor();
    expect(await dialog.count()).toBe(0);
  });

  it("opens with Ctrl-K and closes with Escape, leaving the page as it was", async () => {
    await page.keyboard.press("Control+k");
    const dialog = page.getByRole("dialog", { name: "Search every vault" });
    await dialog.waitFor();
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("heading", { name: title(1234), level: 1 }).waitFor();
  });

  it("logged no errors", () => {
    expect(errors()).toEqual([]);
  });
});
