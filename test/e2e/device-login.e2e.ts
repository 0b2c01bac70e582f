// `coffer login` as a person meets it: the terminal shows a code, the person types it into
// Settings → Approve a device in their signed-in browser, and the terminal is signed in. When
// the server hands the browser another public key than the terminal's, the page refuses and
// seals nothing. A person with a security key confirms with it before the terminal gets anything.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { getSodium, newDeviceKeyPair, toBase64Url } from "../../lib/crypto";
import { launchChromium, watchForErrors } from "../support/browser";
import { setUpOwnerInBrowser } from "../support/browser-flows";
import { buildCli, cleanEnv, runCli, startCli, waitFor } from "../support/cli";
import { apiStatus, openFromNav, waitForStepUpToLapse } from "../support/e2e-steps";
import { startServer, type RunningServer } from "../support/server";
import {
  addVirtualAuthenticator,
  confirmStepUp,
  saveRecoveryCodes,
} from "../support/webauthn-browser";

const owner = {
  organisation: "Terminal Works",
  name: "Olive Owner",
  email: "olive@terminal.test",
  password: "a long and memorable passphrase",
};
const codeOnScreen = /\b([0-9A-Z]{5}-[0-9A-Z]{5})\b/;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: () => string[];
let configDir: string;
let env: Record<string, string>;

async function openApprovePage() {
  await openFromNav(page, "Settings");
  await page.getByRole("link", { name: "Approve a device" }).click();
  await page.getByRole("heading", { name: "Approve a device", level: 1 }).waitFor();
}

/** `coffer login` running, and the code it printed. */
async function startLogin() {
  const cli = startCli(["login", server.url], { env });
  await waitFor(() => codeOnScreen.test(cli.output()), "the login code");
  return { cli, code: codeOnScreen.exec(cli.output())![1]! };
}

beforeAll(async () => {
  await getSodium();
  buildCli();
  server = await startServer({
    kind: "pglite",
    port: 3314,
    publicHost: "localhost",
    // A key check covers sensitive actions for 30 s here, so the spec can see one lapse.
    env: { COFFER_STEP_UP_MINUTES: "0.5" },
  });
  configDir = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-cli-config-"));
  env = cleanEnv({ COFFER_CONFIG_DIR: configDir });
  browser = await launchChromium();
  context = await browser.newContext();
  page = await context.newPage();
  errors = watchForErrors(page);
  await setUpOwnerInBrowser(page, server.url, owner);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (configDir) fs.rmSync(configDir, { recursive: true, force: true });
});

describe("signing in the command line from the browser", () => {
  it("approves the code the terminal shows, and the terminal is signed in", async () => {
    const { cli, code } = await startLogin();
    expect(cli.output()).toContain(`${server.url}/settings/devices`);
    await openApprovePage();
    await page.getByLabel("Code").fill(code.toLowerCase());
    await page.getByRole("button", { name: "Continue" }).click();
    const request = page.getByRole("region", { name: "Sign-in request" });
    await request.getByRole("heading", { name: `Sign in “${os.hostname()}”?` }).waitFor();
    await request.getByRole("button", { name: "Approve" }).click();
    await page.getByRole("status").filter({ hasText: "Approved" }).waitFor();

    const login = await cli.result;
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toContain(`Signed in to ${server.url} as ${owner.email}.`);
    const file = path.join(configDir, "session.json");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const whoami = await runCli(["whoami"], { env });
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(whoami.stdout).toContain(owner.email);
    expect(errors()).toEqual([]);
  });

  it("refuses, and seals nothing, when the server hands the browser another key", async () => {
    const { cli, code } = await startLogin();
    const substitute = toBase64Url(newDeviceKeyPair().publicKey);
    const lookup = (url: URL) =>
      url.pathname === "/api/v1/device-logins" && url.searchParams.has("code");
    await page.route(lookup, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { deviceLogin: { publicKey: string } };
      body.deviceLogin.publicKey = substitute;
      await route.fulfill({ response, json: body });
    });
    const approvals: string[] = [];
    page.on("request", (sent) => {
      if (sent.url().includes("/approve")) approvals.push(sent.url());
    });
    try {
      await openApprovePage();
      await page.getByLabel("Code").fill(code);
      await page.getByRole("button", { name: "Continue" }).click();
      await page.getByRole("button", { name: "Approve" }).click();
      await page
        .getByRole("alert")
        .filter({ hasText: "does not match the code you typed, so nothing was shared" })
        .waitFor();
      expect(approvals).toEqual([]);
      // The terminal is still waiting: nothing reached it.
      expect(cli.exitCode).toBeNull();
    } finally {
      await page.unroute(lookup);
      cli.kill("SIGTERM");
      await cli.result;
    }
    expect(errors()).toEqual([]);
  });

  it("signs out with coffer logout: the session ends and the file goes", async () => {
    const logout = await runCli(["logout"], { env });
    expect(logout.code, logout.stderr).toBe(0);
    expect(fs.existsSync(path.join(configDir, "session.json"))).toBe(false);
    const whoami = await runCli(["whoami"], { env });
    expect(whoami.code).toBe(3);
    expect(whoami.stderr).toBe("coffer: Not signed in: run coffer login <url> first.\n");
  });
});

describe("approving a terminal with a security key", () => {
  it("asks for the key before anything is shared, and refuses the approval without it", async () => {
    // Refusals this test provokes on purpose: the approval before a key check (403).
    const stepUpErrors = watchForErrors(page, [/status of 403/]);
    await addVirtualAuthenticator(context, page);
    await openFromNav(page, "Settings");
    await page.getByRole("link", { name: "Manage security keys" }).click();
    await page.getByRole("heading", { name: "Security keys", level: 1 }).waitFor();
    await page.getByLabel("Key nickname").fill("Olive's YubiKey");
    await page.getByRole("button", { name: "Add security key" }).click();
    await saveRecoveryCodes(page, "Done");
    // Adding the key was a key check: wait until it no longer covers the approval.
    await waitForStepUpToLapse(page);

    const { cli, code } = await startLogin();
    try {
      // The server's own rule, whatever the page does: no approval without a fresh key check.
      const found = await page.evaluate(
        (typed) =>
          fetch(`/api/v1/device-logins?code=${typed}`).then(
            async (response) =>
              ((await response.json()) as { deviceLogin: { id: string } }).deviceLogin.id,
          ),
        code,
      );
      expect(await apiStatus(page, `/api/v1/device-logins/${found}/approve`, "POST")).toEqual({
        status: 403,
        code: "step_up_required",
      });

      await openApprovePage();
      await page.getByLabel("Code").fill(code);
      await page.getByRole("button", { name: "Continue" }).click();
      const request = page.getByRole("region", { name: "Sign-in request" });
      await request.getByRole("button", { name: "Approve" }).click();
      // Cancelling the key check shares nothing: the terminal is still waiting.
      const stepUp = page.getByRole("dialog", { name: "Confirm with your security key" });
      await stepUp.waitFor();
      await stepUp.getByRole("button", { name: "Cancel" }).click();
      await request
        .getByRole("alert")
        .filter({ hasText: "Not approved: the security key check was cancelled." })
        .waitFor();
      expect(cli.exitCode).toBeNull();

      // With the key touched, the approval goes through and the terminal is signed in.
      await request.getByRole("button", { name: "Approve" }).click();
      await confirmStepUp(page);
      await page.getByRole("status").filter({ hasText: "Approved" }).waitFor();
      const login = await cli.result;
      expect(login.code, login.stderr).toBe(0);
      expect(login.stdout).toContain(`Signed in to ${server.url} as ${owner.email}.`);
    } finally {
      if (cli.exitCode === null) cli.kill("SIGTERM");
      await cli.result;
    }
    const whoami = await runCli(["whoami"], { env });
    expect(whoami.code, whoami.stderr).toBe(0);
    expect(stepUpErrors()).toEqual([]);
  });
});
