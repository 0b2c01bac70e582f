// One-time share links as people meet them: a member shares a field of an item and gets the
// link once, with a QR code; a recipient with no account opens it in a fresh browser, where the
// page fetches nothing until Reveal and takes the key out of the address bar; the second
// opening finds it used; a passphrase link refuses a wrong passphrase without spending its
// only view, then opens with the right one; the sender sees all of it in My links.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, watchForErrors } from "../support/browser";
import { setUpOwnerInBrowser } from "../support/browser-flows";
import { openFromNav } from "../support/e2e-steps";
import { startServer, type RunningServer } from "../support/server";

const member = {
  organisation: "Acme Robotics",
  name: "Olive Owner",
  email: "olive@acme.test",
  password: "a long and memorable passphrase",
};
const vault = { name: "Vendors" };
const item = { title: "Stripe API", key: "pk_live_51Share", secret: "sk_live_share_e2e_7731" };
const note = "For the payments contractor, valid until Friday.";
const pasted = { text: "VPN pre-shared key: e2e-psk-5510", passphrase: "tulip garden lamp" };
const GONE = "This link has already been used, has expired or was revoked.";
// The recipient's browser logs a refused request (410 gone, 403 wrong passphrase) as an error.
const refusedRequest = /Failed to load resource: the server responded with a status of 4(03|10)/;

let server: RunningServer;
let browser: Browser;
let memberContext: BrowserContext;
let memberPage: Page;
let memberErrors: () => string[];
let fieldLink = "";
let passphraseLink = "";

/** A signed-out browser of its own, and every request it makes. */
async function recipientPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: Array<{ method: string; url: string }> = [];
  page.on("request", (request) => requests.push({ method: request.method(), url: request.url() }));
  const errors = watchForErrors(page, [refusedRequest]);
  return { context, page, requests, errors };
}

const apiRequests = (requests: Array<{ method: string; url: string }>) =>
  requests.filter((request) => new URL(request.url).pathname.startsWith("/api/"));

/** Reads the link from the dialog that shows it once, checks its QR code, and closes it. */
async function takeLinkShownOnce(page: Page): Promise<string> {
  const dialog = page.getByRole("dialog", { name: "Your link" });
  await dialog.getByText("You will not see this link again").waitFor();
  await dialog.getByRole("img", { name: /QR code of the link/ }).waitFor();
  const url = await dialog.getByLabel("Link", { exact: true }).inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();
  await dialog.waitFor({ state: "detached" });
  return url;
}

beforeAll(async () => {
  server = await startServer({ kind: "pglite", port: 3316 });
  browser = await launchChromium();
  memberContext = await browser.newContext();
  memberPage = await memberContext.newPage();
  memberErrors = watchForErrors(memberPage);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("share links", () => {
  it("a member shares a field of an item and sees the link once, with a QR code", async () => {
    await setUpOwnerInBrowser(memberPage, server.url, member);
    await openFromNav(memberPage, "Vaults");
    await memberPage.getByRole("button", { name: "New vault" }).first().click();
    const newVault = memberPage.getByRole("dialog", { name: "New vault" });
    await newVault.getByLabel("Vault name").fill(vault.name);
    await newVault.getByRole("button", { name: "Create vault" }).click();
    await memberPage.getByRole("heading", { name: vault.name, level: 1 }).waitFor();
    await memberPage.getByRole("button", { name: "New item" }).click();
    await memberPage
      .getByRole("dialog")
      .getByRole("link", { name: "API key", exact: true })
      .click();
    await memberPage.getByLabel("Title").fill(item.title);
    const input = (label: string) =>
      memberPage
        .getByLabel(label, { exact: true })
        .and(memberPage.locator("input:not([type=checkbox]), textarea"));
    await input("Key").fill(item.key);
    await input("Secret").fill(item.secret);
    await memberPage.getByRole("button", { name: "Save", exact: true }).click();
    await memberPage.getByRole("heading", { name: item.title, level: 1 }).waitFor();

    await memberPage.getByRole("button", { name: "Share Secret by link" }).click();
    const dialog = memberPage.getByRole("dialog", { name: "Share “Secret”" });
    // The defaults: 24 hours, one view.
    expect(await dialog.getByLabel("Expires after").inputValue()).toBe("86400");
    expect(await dialog.getByLabel("Views").inputValue()).toBe("1");
    await dialog.getByLabel("Note to the recipient (optional)").fill(note);
    await dialog.getByRole("button", { name: "Create link" }).click();
    fieldLink = await takeLinkShownOnce(memberPage);
    expect(fieldLink).toMatch(new RegExp(`^${server.url}/s#[A-Za-z0-9_-]{43}$`));
    expect(memberErrors()).toEqual([]);
  });

  it("a signed-out recipient sees nothing until Reveal, then the secret and the note", async () => {
    const recipient = await recipientPage();
    const response = await recipient.page.goto(fieldLink);
    expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'none'");
    await recipient.page
      .getByRole("heading", { name: "Someone shared a secret with you" })
      .waitFor();
    const reveal = recipient.page.getByRole("button", { name: "Reveal" });
    await reveal.waitFor();
    // The key left the address bar (and so the history) as soon as the page read it.
    expect(await recipient.page.evaluate(() => window.location.href)).toBe(`${server.url}/s`);
    expect(await recipient.page.content()).not.toContain(item.secret);
    await recipient.page.waitForTimeout(500);
    expect(apiRequests(recipient.requests)).toEqual([]);

    await reveal.click();
    await recipient.page.getByRole("heading", { name: "The shared secret" }).waitFor();
    expect(await recipient.page.getByLabel("Secret").inputValue()).toBe(item.secret);
    expect(await recipient.page.getByTestId("share-note").innerText()).toBe(note);
    await recipient.page.getByRole("button", { name: "Copy" }).waitFor();
    await recipient.page.getByRole("button", { name: "Download as a file" }).waitFor();
    await recipient.page.getByText(/cannot be opened again/).waitFor();
    const calls = apiRequests(recipient.requests);
    expect(calls.some((call) => call.method === "POST" && call.url.endsWith("/reveal"))).toBe(true);
    // The fragment never reached the server, in any request.
    const fragment = fieldLink.split("#")[1]!;
    expect(recipient.requests.some((request) => request.url.includes(fragment))).toBe(false);
    expect(recipient.errors()).toEqual([]);
    await recipient.context.close();
  });

  it("opening the link a second time says it is used, and nothing more", async () => {
    const recipient = await recipientPage();
    await recipient.page.goto(fieldLink);
    await recipient.page.getByRole("button", { name: "Reveal" }).click();
    await recipient.page.getByText(GONE).waitFor();
    expect(await recipient.page.content()).not.toContain(item.secret);
    expect(recipient.errors()).toEqual([]);
    await recipient.context.close();
  });

  it("a member makes a passphrase link to pasted text from the Links page", async () => {
    await openFromNav(memberPage, "Links");
    await memberPage.getByRole("heading", { name: "Links", level: 1 }).waitFor();
    await memberPage.getByRole("button", { name: "New link" }).click();
    const dialog = memberPage.getByRole("dialog", { name: "New link" });
    await dialog.getByLabel("Text to share").fill(pasted.text);
    await dialog.getByLabel("Passphrase (optional)").fill(pasted.passphrase);
    await dialog.getByLabel("Passphrase again").fill(`${pasted.passphrase}x`);
    await dialog.getByRole("button", { name: "Create link" }).click();
    await dialog.getByText("The two passphrases differ.").waitFor();
    await dialog.getByLabel("Passphrase again").fill(pasted.passphrase);
    await dialog.getByRole("button", { name: "Create link" }).click();
    passphraseLink = await takeLinkShownOnce(memberPage);
    expect(memberErrors()).toEqual([]);
  });

  it("a wrong passphrase is refused without spending the only view; the right one opens it", async () => {
    const recipient = await recipientPage();
    await recipient.page.goto(passphraseLink);
    await recipient.page.getByRole("button", { name: "Reveal" }).click();
    const passphrase = recipient.page.getByLabel("Passphrase");
    await passphrase.fill("tulip garden lump");
    await recipient.page.getByRole("button", { name: "Reveal" }).click();
    await recipient.page.getByText(/The link was not used up/).waitFor();
    expect(await recipient.page.content()).not.toContain(pasted.text);

    await recipient.page.getByLabel("Passphrase").fill(pasted.passphrase);
    await recipient.page.getByRole("button", { name: "Reveal" }).click();
    await recipient.page.getByRole("heading", { name: "The shared secret" }).waitFor();
    expect(await recipient.page.getByLabel("Secret").inputValue()).toBe(pasted.text);
    expect(recipient.errors()).toEqual([]);
    await recipient.context.close();
  });

  it("My links shows both links used up, with the item and the wrong passphrase", async () => {
    await memberPage.reload();
    await memberPage.getByLabel("Master password", { exact: true }).fill(member.password);
    await memberPage.getByRole("button", { name: "Unlock" }).click();
    const table = memberPage.getByRole("table", { name: "My links" });
    await table.waitFor();
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(2);
    const fieldRow = rows.filter({ hasText: `${item.title} in ${vault.name}` });
    await fieldRow.getByText("used", { exact: true }).waitFor();
    await fieldRow.getByText("all 1 used").waitFor();
    const textRow = rows.filter({ hasText: "Text or a file" });
    await textRow.getByText("1 wrong passphrase").waitFor();
    await textRow.getByText("used", { exact: true }).waitFor();
    expect(memberErrors()).toEqual([]);
  });

  it("a revoked link stops at once, after a confirmation", async () => {
    await memberPage.getByRole("button", { name: "New link" }).click();
    const dialog = memberPage.getByRole("dialog", { name: "New link" });
    await dialog.getByLabel("Text to share").fill("to be revoked");
    await dialog.getByLabel("Views").fill("5");
    await dialog.getByRole("button", { name: "Create link" }).click();
    const url = await takeLinkShownOnce(memberPage);
    const row = memberPage
      .getByRole("table", { name: "My links" })
      .locator("tbody tr")
      .filter({ hasText: "5 of 5 left" });
    await row.getByRole("button", { name: /^Revoke/ }).click();
    const confirm = memberPage.getByRole("dialog", { name: "Revoke this link?" });
    await confirm.getByRole("button", { name: "Revoke link" }).click();
    await confirm.waitFor({ state: "detached" });
    await memberPage
      .getByRole("table", { name: "My links" })
      .locator("tbody tr")
      .filter({ hasText: /revoked .*ago|revoked just now/ })
      .waitFor();

    const recipient = await recipientPage();
    await recipient.page.goto(url);
    await recipient.page.getByRole("button", { name: "Reveal" }).click();
    await recipient.page.getByText(GONE).waitFor();
    await recipient.context.close();
    expect(memberErrors()).toEqual([]);
  });
});
