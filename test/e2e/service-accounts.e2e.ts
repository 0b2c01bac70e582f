// A CI job gets access the way a manager gives it: the manager creates a service account,
// checks its fingerprint, grants it a vault and makes a token in the browser; a Node program
// holding only that token reads and decrypts the secret with lib/sdk, also after the manager
// rotates the vault key in the page; a vault manager who does not manage the account is told
// who can rotate instead of sealing a grant the machine would refuse; the manager revokes the
// token in the page and the program's next read is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  digestHexGroups,
  getSodium,
  serviceAccountFingerprint,
  verifyServiceAccountBundle,
} from "../../lib/crypto";
import { serviceAccountDetailResponse } from "../../lib/api/machine";
import { MachineClient } from "../../lib/sdk/machine-client";
import { SdkError, fetchHttpPort } from "../../lib/sdk/http-port";
import { launchChromium, watchForErrors } from "../support/browser";
import { setUpOwnerInBrowser, waitForHome } from "../support/browser-flows";
import { openFromNav } from "../support/e2e-steps";
import { startServer, type RunningServer } from "../support/server";

const owner = {
  organisation: "Acme Robotics",
  name: "Olive Owner",
  email: "olive@acme.test",
  password: "a long and memorable passphrase",
};
const colleague = {
  name: "Bea Builder",
  email: "bea@acme.test",
  password: "bea's own long passphrase",
};
const vaultName = "CI secrets";
const secret = { title: "Registry login", username: "ci@acme.test", password: "ci-Secret-77" };
const accountName = "ci-deploy";

// Screens are saved for a person to look at when SERVICE_ACCOUNT_SCREENSHOTS names a directory.
const screenshots = process.env.SERVICE_ACCOUNT_SCREENSHOTS;

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: () => string[];
let token = "";
let serviceAccountId = "";

async function snap(on: Page, name: string) {
  if (screenshots) {
    await on.screenshot({ path: `${screenshots}/service-account-${name}.png`, fullPage: true });
  }
}

async function openVault(on: Page) {
  await openFromNav(on, "Vaults");
  await on
    .getByRole("list", { name: "Your vaults" })
    .getByRole("link", { name: new RegExp(vaultName) })
    .click();
}

beforeAll(async () => {
  await getSodium();
  server = await startServer({ kind: "pglite", port: 3312 });
  browser = await launchChromium();
  const context = await browser.newContext();
  page = await context.newPage();
  errors = watchForErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("service accounts", () => {
  it("a manager with a vault finds no service accounts yet, and what they are for", async () => {
    await setUpOwnerInBrowser(page, server.url, owner);
    await openFromNav(page, "Vaults");
    await page.getByRole("button", { name: "New vault" }).first().click();
    await page.getByLabel("Vault name").fill(vaultName);
    await page.getByRole("button", { name: "Create vault" }).click();
    await page.getByRole("heading", { name: vaultName }).waitFor();
    await page.getByRole("button", { name: "New item" }).click();
    await page.getByRole("dialog").getByRole("link", { name: "Login" }).click();
    await page.getByLabel("Title").fill(secret.title);
    await page.getByLabel("Username").fill(secret.username);
    await page.getByLabel("Password", { exact: true }).fill(secret.password);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("heading", { name: secret.title }).waitFor();

    await openFromNav(page, "Service accounts");
    await page.getByText("No service accounts yet").waitFor();
    await page.getByText(/CI job, a container/).waitFor();
    await snap(page, "01-empty");
  });

  it("creates a service account whose keys are made in the browser", async () => {
    await page.getByRole("button", { name: "New service account" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(accountName);
    await dialog.getByLabel("Description").fill("Deploy job");
    await dialog.getByLabel("Longest a session token may live").selectOption({ label: "7 days" });
    await dialog.getByRole("button", { name: "Create service account" }).click();
    await page.getByRole("heading", { name: new RegExp(accountName) }).waitFor();
    serviceAccountId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
    expect(serviceAccountId).not.toBe("");
  });

  it("shows the fingerprint of the account's own keys, then grants it the vault", async () => {
    const detail = serviceAccountDetailResponse.parse(
      await page.evaluate(
        (id) => fetch(`/api/v1/service-accounts/${id}`).then((response) => response.json()),
        encodeURIComponent(serviceAccountId),
      ),
    );
    const bundle = {
      serviceAccountId,
      signPublicKey: detail.serviceAccount.signPublicKey,
      boxPublicKey: detail.serviceAccount.boxPublicKey,
    };
    expect(verifyServiceAccountBundle(bundle, detail.serviceAccount.bundleSignature)).toBe(true);
    const shown = (await page.getByTestId("service-account-fingerprint").innerText()).trim();
    expect(shown).toBe(digestHexGroups(serviceAccountFingerprint(bundle)));
    await page.getByText(/Pinned on this device/).waitFor();

    await page.getByRole("button", { name: "Grant a vault" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Vault", { exact: true }).selectOption({ label: vaultName });
    await dialog.getByLabel("Scope").selectOption("read");
    await dialog.getByRole("button", { name: "Grant vault" }).click();
    await page.getByText(`${accountName} can now read ${vaultName}.`).waitFor();
    const granted = page.getByTestId("granted-vault");
    await granted.getByText(vaultName).waitFor();
    await granted.getByText("Read", { exact: true }).waitFor();
    await snap(page, "02-account");
  });

  it("creates a token and shows it once", async () => {
    await page.getByRole("button", { name: "New token" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("deploy on main");
    await dialog.getByLabel("Expires after").selectOption({ label: "1 hour" });
    await dialog.getByLabel("Maximum uses").fill("10");
    await dialog.getByRole("button", { name: "Create token" }).click();
    await page.getByText("You will not see this token again").waitFor();
    token = (await page.getByTestId("new-token").inputValue()).trim();
    expect(token).toMatch(/^coffer_sa_[0-9A-Za-z]+$/);
    await snap(page, "03-token-once");
    await page.getByRole("button", { name: "I stored it safely" }).click();
    const row = page.getByTestId("token-row").filter({ hasText: "deploy on main" });
    await row.getByText("Active").waitFor();
    await row.getByText(/10 of 10 uses left/).waitFor();
    await snap(page, "04-tokens");
  });

  it("a program holding only the token reads and decrypts the secret", async () => {
    const client = new MachineClient(fetchHttpPort(server.url), token);
    const secrets = await client.readAll();
    expect(secrets.serviceAccount.name).toBe(accountName);
    const vault = secrets.vaults.find((entry) => entry.name === vaultName);
    expect(vault?.scope).toBe("read");
    const item = vault?.items.find((entry) => entry.plaintext.title === secret.title);
    const password = item?.plaintext.fields.find((field) => field.name === "Password");
    expect(password?.value).toBe(secret.password);
  });

  it("the vault lists the account among its members with a machine badge", async () => {
    await openVault(page);
    await page.getByRole("tab", { name: "Members" }).click();
    const row = page.getByTestId("vault-service-account").filter({ hasText: accountName });
    await row.getByText("Machine").waitFor();
    await row.getByText("Read", { exact: true }).waitFor();
    await snap(page, "05-vault-members");
  });

  it("a key rotation in the page re-grants the account, and the program reads the new key", async () => {
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Rotate key" }).click();
    await page.getByText("Key rotated; the vault is now at key version 2.").waitFor();
    const secrets = await new MachineClient(fetchHttpPort(server.url), token).readAll();
    const vault = secrets.vaults.find((entry) => entry.name === vaultName);
    expect(vault?.keyVersion).toBe(2);
    const item = vault?.items.find((entry) => entry.plaintext.title === secret.title);
    expect(item?.plaintext.fields.find((field) => field.name === "Password")?.value).toBe(
      secret.password,
    );
  });

  it("a vault manager who does not manage the account is told who can rotate", async () => {
    await openFromNav(page, "People");
    await page.getByLabel("Email").fill(colleague.email);
    await page.getByRole("button", { name: "Create invite" }).click();
    const link = page.getByTestId("invite-link");
    await link.waitFor();
    const colleaguePage = await (await browser.newContext()).newPage();
    const colleagueErrors = watchForErrors(colleaguePage);
    await colleaguePage.goto((await link.inputValue()).trim());
    await colleaguePage.getByLabel("Your name").fill(colleague.name);
    await colleaguePage.getByLabel("Master password", { exact: true }).fill(colleague.password);
    await colleaguePage.getByLabel("Confirm master password").fill(colleague.password);
    await colleaguePage.getByRole("button", { name: "Create account" }).click();
    await colleaguePage.getByLabel("I have saved my Emergency Kit").check({ timeout: 60_000 });
    await colleaguePage.getByRole("button", { name: "Continue" }).click();
    await waitForHome(colleaguePage);

    await openVault(page);
    await page.getByRole("tab", { name: "Members" }).click();
    await page.getByRole("button", { name: "Add member" }).click();
    const dialog = page.getByRole("dialog");
    await dialog
      .getByLabel("Person")
      .selectOption({ label: `${colleague.name} <${colleague.email}>` });
    await dialog.getByLabel("I compared the fingerprint").check();
    await dialog.getByLabel("Role").selectOption("manage");
    await dialog.getByRole("button", { name: "Share" }).click();
    await page.getByTestId("member-row").filter({ hasText: colleague.email }).waitFor();

    await openVault(colleaguePage);
    await colleaguePage.getByRole("tab", { name: "Settings" }).click();
    await colleaguePage.getByRole("button", { name: "Rotate key" }).click();
    const refusal = colleaguePage.getByRole("alert").filter({ hasText: accountName });
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain(owner.email);
    await snap(colleaguePage, "06-rotation-refused");
    expect(colleagueErrors()).toEqual([]);
    await colleaguePage.context().close();
  });

  it("removing the account from the vault rotates the key, and the program sees it no more", async () => {
    await openVault(page);
    await page.getByRole("tab", { name: "Members" }).click();
    await page.getByRole("button", { name: `Remove ${accountName}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Remove and rotate key" }).click();
    await page.getByText(`Key rotated; ${accountName} no longer has access.`).waitFor();
    expect(await page.getByTestId("vault-service-account").count()).toBe(0);
    const secrets = await new MachineClient(fetchHttpPort(server.url), token).readAll();
    expect(secrets.vaults.map((entry) => entry.name)).not.toContain(vaultName);
  });

  it("the manager revokes the token and the program's next read is refused", async () => {
    await openFromNav(page, "Service accounts");
    await page.getByTestId("service-account-row").filter({ hasText: accountName }).click();
    const row = page.getByTestId("token-row").filter({ hasText: "deploy on main" });
    await row.getByText(/Last used/).waitFor();
    await row.getByRole("button", { name: /Revoke/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke token" }).click();
    await row.getByText("Revoked").waitFor();

    const refused = await new MachineClient(fetchHttpPort(server.url), token).readAll().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(refused).toBeInstanceOf(SdkError);
    expect((refused as SdkError).code).toBe("token_revoked");
    expect(errors()).toEqual([]);
  });

  it("re-keying the account grants its vault again under the vault's current key", async () => {
    await page.getByRole("button", { name: "Grant a vault" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Vault", { exact: true }).selectOption({ label: vaultName });
    await dialog.getByLabel("Scope").selectOption("read");
    await dialog.getByRole("button", { name: "Grant vault" }).click();
    await page.getByText(`${accountName} can now read ${vaultName}.`).waitFor();

    await page.getByRole("button", { name: `Re-key ${accountName}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Re-key service account" }).click();
    await page.getByText(/1 vault granted again\./).waitFor();
    const detail = serviceAccountDetailResponse.parse(
      await page.evaluate(
        (id) => fetch(`/api/v1/service-accounts/${id}`).then((response) => response.json()),
        encodeURIComponent(serviceAccountId),
      ),
    );
    // Two rotations since the first grant: the re-made grant seals the third key.
    expect(detail.grants.map((grant) => grant.keyVersion)).toEqual([3]);
    expect(errors()).toEqual([]);
  });
});
