// Roles on the People page: the owner makes a member an admin after a confirmation, then hands
// ownership to another admin by typing her email. Afterwards the former owner is an admin, and
// People offers them nothing on the new owner or on the other admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { formatSecretKey, getSodium } from "../../lib/crypto";
import { launchChromium, watchForErrors } from "../support/browser";
import { submitSignIn, waitForHome } from "../support/browser-flows";
import { createInvite, signedInClient } from "../support/flows";
import { ApiClient, makeAccount, type AccountSecrets } from "../support/protocol-client";
import { startServer, type RunningServer } from "../support/server";
import { openFromNav } from "../support/e2e-steps";

const owner = {
  name: "Olive Owner",
  email: "olive@acme.test",
  password: "a long and memorable passphrase",
};
const ada = { name: "Ada Admin", email: "ada@acme.test", password: "ada's long passphrase" };
const mo = { name: "Mo Member", email: "mo@acme.test", password: "mo's long passphrase" };

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: () => string[];
let ownerSecrets: AccountSecrets;

function personRow(name: string) {
  return page.getByRole("table", { name: "People" }).getByRole("row").filter({ hasText: name });
}

async function roleOf(name: string) {
  return (await personRow(name).getByRole("cell").nth(1).textContent())?.trim();
}

beforeAll(async () => {
  await getSodium();
  server = await startServer({ kind: "pglite", port: 3405 });
  const made = await makeAccount(owner);
  const setup = await new ApiClient(server.url).request("/api/v1/setup", {
    json: { organizationName: "Acme Robotics", account: made.account },
  });
  expect(setup.status).toBe(201);
  ownerSecrets = made.secrets;
  const { client } = await signedInClient(server.url, ownerSecrets);
  for (const [person, role] of [
    [ada, "admin"],
    [mo, "member"],
  ] as const) {
    const { token } = await createInvite(client, person.email, role);
    const account = await makeAccount(person);
    const signup = await new ApiClient(server.url).request("/api/v1/signup", {
      json: { inviteToken: token, account: account.account },
    });
    expect(signup.status, JSON.stringify(signup.body)).toBe(201);
  }
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
  errors = watchForErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("roles on the People page", () => {
  it("the owner makes a member an admin, after saying yes", async () => {
    await submitSignIn(page, server.url, {
      email: owner.email,
      password: owner.password,
      secretKey: formatSecretKey(ownerSecrets.secretKey),
    });
    await waitForHome(page);
    await openFromNav(page, "People");
    await personRow(mo.name).waitFor({ timeout: 30_000 });
    expect(await roleOf(mo.name)).toBe("Member");

    await personRow(mo.name)
      .getByRole("button", { name: `Make admin: ${mo.name}` })
      .click();
    const dialog = page.getByRole("dialog", { name: `Make ${mo.name} an admin?` });
    await dialog.getByRole("button", { name: "Make admin" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => roleOf(mo.name)).toBe("Admin");
    // An admin is made a member again by the owner: the control turns around.
    await personRow(mo.name)
      .getByRole("button", { name: `Make member: ${mo.name}` })
      .waitFor();
  });

  it("the owner hands ownership to Ada by typing her email", async () => {
    await personRow(ada.name)
      .getByRole("button", { name: `Make owner: ${ada.name}…` })
      .click();
    const dialog = page.getByRole("dialog", { name: `Make ${ada.name} the owner?` });
    const transfer = dialog.getByRole("button", { name: "Transfer ownership" });
    const confirmation = dialog.getByLabel("Type the new owner's email to confirm");
    await confirmation.fill(mo.email);
    expect(await transfer.isDisabled()).toBe(true);
    await confirmation.fill(ada.email);
    await transfer.click();
    await dialog.waitFor({ state: "hidden" });

    await expect.poll(() => roleOf(ada.name)).toBe("Owner");
    expect(await roleOf(owner.name)).toBe("Admin");
  });

  it("leaves the former owner, now an admin, nothing to do to the owner or another admin", async () => {
    await openFromNav(page, "Home");
    await waitForHome(page);
    await openFromNav(page, "People");
    await personRow(ada.name).waitFor({ timeout: 30_000 });
    expect(await roleOf(owner.name)).toBe("Admin");
    for (const name of [ada.name, mo.name]) {
      await expect.poll(() => personRow(name).getByRole("button").count()).toBe(0);
      expect(
        await personRow(name)
          .getByRole("link", { name: /Offboard/ })
          .count(),
      ).toBe(0);
    }
    expect(errors()).toEqual([]);
  });
});
