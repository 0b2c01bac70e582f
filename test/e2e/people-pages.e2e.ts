// People, invites, one's own sessions and the security-key compliance hold nothing encrypted,
// so the server renders them with their page: each opens with its list on screen without
// asking the API, and asks the API again only after an action changes what is shown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { ownerPageWatchingApi, type OwnerPage } from "../support/browser-flows";
import { startServer, type RunningServer } from "../support/server";

const owner = {
  organisation: "Rope Walk",
  name: "Rosa Owner",
  email: "rosa@ropewalk.test",
  password: "a long and memorable passphrase",
};

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: () => string[];
let open: OwnerPage["open"];

function nextRequest(method: string, pathname: string) {
  return page.waitForRequest(
    (request) => request.method() === method && new URL(request.url()).pathname === pathname,
  );
}

beforeAll(async () => {
  server = await startServer({ kind: "pglite", port: 3701 });
  browser = await launchChromium();
  ({ page, errors, open } = await ownerPageWatchingApi(browser, server.url, owner));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("people pages that arrive with their data", () => {
  it("People lists the owner at once, and reloads people and invites after an invite", async () => {
    const calls = await open("/admin/people", "People");
    const rows = page.getByTestId("person-row");
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(owner.name);
    await page.getByText("No invites yet.", { exact: false }).waitFor();
    // The vault list carries encrypted names and still comes from the API: the calls were seen.
    expect(calls).toContain("GET /api/v1/admin/vaults");
    expect(calls).not.toContain("GET /api/v1/people");
    expect(calls).not.toContain("GET /api/v1/invites");

    const people = nextRequest("GET", "/api/v1/people");
    const invites = nextRequest("GET", "/api/v1/invites");
    await page.getByLabel("Email").fill("newcomer@ropewalk.test");
    await page.getByRole("button", { name: "Create invite" }).click();
    await Promise.all([people, invites]);
    await rows.filter({ hasText: "newcomer@ropewalk.test" }).getByText("Invited").waitFor();
  });

  it("Settings shows this device's session as current without asking the API", async () => {
    const calls = await open("/settings", "Settings");
    const current = page.getByTestId("session-current");
    expect(await current.count()).toBe(1);
    expect(await current.innerText()).toContain("current");
    await page.getByText("This is your only signed-in session.").waitFor();
    expect(calls).not.toContain("GET /api/v1/sessions");
  });

  it("Security shows the policy and who meets it at once, and Refresh asks the API", async () => {
    const calls = await open("/admin/security", "Security");
    expect(await page.getByRole("radio", { name: "Off" }).isChecked()).toBe(true);
    await page.getByRole("cell", { name: owner.email }).waitFor();
    expect(calls).not.toContain("GET /api/v1/admin/mfa");

    const refreshed = nextRequest("GET", "/api/v1/admin/mfa");
    await page.getByRole("button", { name: "Refresh" }).click();
    await refreshed;
    await page.getByRole("button", { name: "Refresh", exact: true }).waitFor();
    expect(errors()).toEqual([]);
  });
});
