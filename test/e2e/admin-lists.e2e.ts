// Checklists, their templates and the audit log hold nothing encrypted, so the server renders
// them with the page: each opens with its list already on screen and without asking the API,
// and asks the API only when a filter or an action changes what is shown.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/browser";
import { ownerPageWatchingApi, type OwnerPage } from "../support/browser-flows";
import { startServer, type RunningServer } from "../support/server";

const owner = {
  organisation: "Ledger Lane",
  name: "Lena Owner",
  email: "lena@ledger.test",
  password: "a long and memorable passphrase",
};

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: () => string[];
let open: OwnerPage["open"];

beforeAll(async () => {
  server = await startServer({ kind: "pglite", port: 3751 });
  browser = await launchChromium();
  ({ page, errors, open } = await ownerPageWatchingApi(browser, server.url, owner));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("admin lists that arrive with their page", () => {
  it("the templates page shows both default templates without asking the API", async () => {
    const calls = await open("/admin/checklists/templates", "Checklist templates");
    await page.getByText("Standard onboarding").first().waitFor();
    await page.getByText("Standard offboarding").first().waitFor();
    expect(calls.filter((call) => call.includes("/checklist-templates"))).toEqual([]);
  });

  it("the checklists page shows the open runs, and asks the API when the filter changes", async () => {
    const calls = await open("/admin/checklists", "Checklists");
    await page.getByText("No checklist is open.", { exact: false }).waitFor();
    expect(calls.filter((call) => call.includes("/checklists"))).toEqual([]);

    const listed = page.waitForRequest((request) =>
      new URL(request.url()).pathname.endsWith("/api/v1/checklists"),
    );
    await page.getByRole("button", { name: "All" }).click();
    await listed;
    await page.getByText("No checklists match.").waitFor();
  });

  it("the audit log shows its newest events at once, and filters through the API", async () => {
    const calls = await open("/admin/audit", "Audit log");
    const rows = page.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    await page.getByText("org.setup", { exact: true }).first().waitFor();
    // The people for the filter still come from the API: proof the calls were watched.
    expect(calls).toContain("GET /api/v1/users");
    expect(calls.filter((call) => call.startsWith("GET /api/v1/audit"))).toEqual([]);

    const filtered = page.waitForRequest((request) => {
      const url = new URL(request.url());
      return url.pathname === "/api/v1/audit" && url.searchParams.get("action") === "org.";
    });
    await page.getByLabel("Event").selectOption("org.");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await filtered;
    await page.getByText("org.setup", { exact: true }).first().waitFor();
    expect(errors()).toEqual([]);
  });
});
