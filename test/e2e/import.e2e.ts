// Leaving another password manager: a team brings a Bitwarden JSON and a LastPass CSV export
// into new vaults through the browser, reads an imported login and note, and importing the
// same file again skips what is already there. Nothing unencrypted reaches the server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium, watchForErrors } from "../support/browser";
import { setUpOwnerInBrowser } from "../support/browser-flows";
import { openFromNav } from "../support/e2e-steps";
import { startServer, type RunningServer } from "../support/server";
import { bitwardenExport } from "../bench/import.bench";

const fixtures = path.join(process.cwd(), "test/fixtures/import/e2e");
const bitwardenFile = path.join(fixtures, "bitwarden-team.json");
const lastpassFile = path.join(fixtures, "lastpass-team.csv");

const owner = {
  organisation: "Acme Robotics",
  name: "Ivy Importer",
  email: "ivy@acme.test",
  password: "a long and memorable passphrase",
};
const bitwarden = {
  vault: "From Bitwarden",
  login: { title: "GitHub", username: "octo-acme", password: "gh-Import-Secret-41" },
  note: { title: "Office Wi-Fi", line: 'Passphrase is on the fridge, "ask Olive".' },
  items: 4,
};
const lastpass = {
  vault: "From LastPass",
  login: { title: "AWS console", username: "ops@acme.test", password: "aws-Import-Secret-93" },
  note: { title: "On-call handbook", line: "Week 1: Ada, Week 2: Grace — swap in the calendar" },
  items: 3,
};
// Every secret value in the two files: none may appear in any request the page sends.
const secretsInFiles = [
  "gh-Import-Secret-41",
  "stripe-Import-Secret-77",
  "4111111111111111",
  "aws-Import-Secret-93",
  "grafana-Import-Secret-12",
  "Acme-Guest",
  "octo-acme",
];

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: () => string[];
const requestBodies: string[] = [];

async function openImport() {
  await openFromNav(page, "Vaults");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await page.getByRole("heading", { name: "Import", level: 1 }).waitFor();
}

async function chooseFile(file: string) {
  await page.getByLabel("File to import").setInputFiles(file);
  await page.getByText(`${path.basename(file)}:`).waitFor();
  await page.getByRole("button", { name: "Read file" }).click();
  await page.getByRole("heading", { name: "What the file holds" }).waitFor();
}

async function importIntoNewVault(name: string, items: number) {
  await page.getByLabel("Vault", { exact: true }).selectOption("new");
  await page.getByLabel("New vault name").fill(name);
  await page.getByRole("button", { name: `Import ${items} items` }).click();
  await page.getByRole("heading", { name: "Import finished" }).waitFor();
  await page.getByText(`${items} of ${items} items imported.`).waitFor();
}

async function openImportedItem(vault: string, title: string) {
  await page
    .getByRole("list", { name: "Imported vaults" })
    .getByRole("link", { name: vault })
    .click();
  await page.getByRole("heading", { name: vault, level: 1 }).waitFor();
  await page
    .getByRole("list", { name: "Items" })
    .getByRole("link", { name: new RegExp(title) })
    // A kept duplicate makes two items of one title; either is the imported one.
    .first()
    .click();
  await page.getByRole("heading", { name: title, level: 1 }).waitFor();
}

async function expectLogin(login: { username: string; password: string }) {
  const username = page.getByRole("group", { name: "Username", exact: true });
  await username.getByText(login.username, { exact: true }).waitFor();
  const password = page.getByRole("group", { name: "Password (secret)", exact: true });
  expect(await password.innerText()).not.toContain(login.password);
  await password.getByRole("button", { name: "Reveal" }).click();
  await password.getByText(login.password, { exact: true }).waitFor();
}

beforeAll(async () => {
  server = await startServer({ kind: "pglite", port: 3317 });
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
  page.on("request", (request) => {
    requestBodies.push(`${request.url()}\n${request.postData() ?? ""}`);
  });
  errors = watchForErrors(page);
  await setUpOwnerInBrowser(page, server.url, owner);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("importing from another password manager", () => {
  it("a file in no format Coffer knows is refused with a sentence, and nothing is read", async () => {
    await openImport();
    await page.getByLabel("File to import").setInputFiles({
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("just some text, not an export\n"),
    });
    await page
      .getByRole("alert")
      .getByText("This file is not in a format Coffer recognises; choose the format from the list.")
      .waitFor();
    await page.getByRole("button", { name: "Read file" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "What the file holds" }).count())
      .toBe(0);
  });

  it("a Bitwarden JSON export previews its types, mapping and warnings, then lands in a new vault", async () => {
    await openImport();
    await chooseFile(bitwardenFile);
    await page.getByText("Bitwarden (JSON): 4 items, 2 folders, 0 with one-time codes.").waitFor();
    const mapping = page.getByRole("table");
    await mapping.getByRole("row", { name: /Card Secure note with fields 1/ }).waitFor();
    await mapping.getByRole("row", { name: /Login Login 2/ }).waitFor();
    await page.getByText("Warnings (1)").waitFor();
    await page.getByText("Kept as secure notes with fields: 1 warning").click();
    await page.getByText(/"Company card" is a card/).waitFor();

    await importIntoNewVault(bitwarden.vault, bitwarden.items);
    await openImportedItem(bitwarden.vault, bitwarden.login.title);
    await expectLogin(bitwarden.login);
  });

  it("a LastPass CSV export lands in a new vault; its secure note keeps its lines", async () => {
    await openImport();
    await chooseFile(lastpassFile);
    await importIntoNewVault(lastpass.vault, lastpass.items);
    await openImportedItem(lastpass.vault, lastpass.login.title);
    await expectLogin(lastpass.login);

    await page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: lastpass.vault, exact: true })
      .click();
    await page
      .getByRole("list", { name: "Items" })
      .getByRole("link", { name: /On-call handbook/ })
      .click();
    await page.getByRole("heading", { name: lastpass.note.title, level: 1 }).waitFor();
    await page.getByText(lastpass.note.line).waitFor();
  });

  it("importing the same Bitwarden file into its vault again skips the duplicates unless kept", async () => {
    await openImport();
    await chooseFile(bitwardenFile);
    const vaultOption = await page
      .getByLabel("Vault", { exact: true })
      .locator("option", { hasText: bitwarden.vault })
      .getAttribute("value");
    await page.getByLabel("Vault", { exact: true }).selectOption(vaultOption ?? "");
    await page.getByText(`Duplicates (${bitwarden.items})`).waitFor();
    await page.getByRole("button", { name: "Nothing to import" }).waitFor();
    expect(await page.getByRole("button", { name: "Nothing to import" }).isDisabled()).toBe(true);

    const duplicates = page.getByRole("list", { name: "Duplicate items" });
    await duplicates.getByRole("group", { name: bitwarden.note.title }).getByLabel("Keep").check();
    await page.getByRole("button", { name: "Import 1 item" }).click();
    await page.getByRole("heading", { name: "Import finished" }).waitFor();
    await page.getByText("1 of 1 item imported.").waitFor();
    await page
      .getByText(`${bitwarden.items - 1} duplicates skipped`)
      .first()
      .waitFor();

    await openImportedItem(bitwarden.vault, bitwarden.note.title);
    await page.getByText(bitwarden.note.line).first().waitFor();
    await page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: bitwarden.vault, exact: true })
      .click();
    await page.getByRole("list", { name: "Items" }).waitFor();
    const titles = await page
      .getByRole("list", { name: "Items" })
      .getByRole("link")
      .allInnerTexts();
    expect(titles.filter((title) => title.includes(bitwarden.note.title))).toHaveLength(2);
    expect(titles).toHaveLength(bitwarden.items + 1);
  });

  it("cancelling a large import keeps the batches already sent and says how many", async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-import-e2e-"));
    const large = path.join(directory, "bitwarden_large.json");
    fs.writeFileSync(large, bitwardenExport(2000));
    try {
      await openImport();
      await chooseFile(large);
      await page.getByLabel("New vault name").fill("Cancelled import");
      // Batches held back a little, so that Cancel lands between them even on a fast machine.
      const batches = /\/api\/v1\/vaults\/[^/]+\/items\/batch$/;
      await page.route(batches, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        await route.continue();
      });
      await page.getByRole("button", { name: "Import 2,000 items" }).click();
      await page
        .getByText(/^[1-9][\d,]* of 2,000 items imported( into .*)?…$/)
        .waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: "Cancel import" }).click();
      await page.getByRole("heading", { name: "Import finished" }).waitFor({ timeout: 60_000 });
      const headline = await page
        .getByText(/^Import cancelled: [\d,]+ of 2,000 items imported\.$/)
        .innerText();
      const committed = Number(/([\d,]+) of/.exec(headline)?.[1]?.replaceAll(",", ""));
      expect(committed).toBeGreaterThan(0);
      expect(committed).toBeLessThan(2000);
      await page.getByText("The batches already sent stay in their vaults").waitFor();
      const row = page.getByRole("list", { name: "Imported vaults" }).getByRole("listitem");
      await row
        .getByText(`new vault · ${committed.toLocaleString("en-US")} items imported`)
        .waitFor();
    } finally {
      await page.unrouteAll({ behavior: "ignoreErrors" });
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it("no secret value or plaintext from the files was ever sent, and the page logged no errors", () => {
    for (const secret of secretsInFiles) {
      expect(requestBodies.filter((body) => body.includes(secret))).toEqual([]);
    }
    expect(errors()).toEqual([]);
  });
});
