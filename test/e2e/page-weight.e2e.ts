// What a page costs to load: libsodium arrives once, as a real .wasm that the browser compiles
// while it streams in, and the key-derivation worker is handed that compiled module rather
// than fetching or decoding a copy of its own (decision 0053); scripts and wasm come
// compressed (decision 0054).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import { launchChromium, watchForErrors } from "../support/browser";
import { setUpOwnerInBrowser, waitForHome } from "../support/browser-flows";
import { startServer, type RunningServer } from "../support/server";

const owner = {
  organisation: "Harbour Freight",
  name: "Olive Owner",
  email: "olive@harbour.test",
  password: "a long and memorable passphrase",
};

// "\0asm" and version 1, base64-encoded: the start of libsodium's binary as emscripten embeds it.
const embeddedWasm = "AGFzbQEAAAA";

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: () => string[];
const responses: Response[] = [];

const pathOf = (response: Response) => new URL(response.url()).pathname;

beforeAll(async () => {
  server = await startServer({ kind: "pglite", port: 3326 });
  browser = await launchChromium();
  context = await browser.newContext();
  context.on("response", (response) => responses.push(response));
  page = await context.newPage();
  errors = watchForErrors(page);
  await setUpOwnerInBrowser(page, server.url, owner);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("page weight", () => {
  it("a page load fetches libsodium once, as application/wasm, and its KDF worker fetches nothing more", async () => {
    responses.length = 0;
    await page.reload();
    await page.getByRole("heading", { name: "Coffer is locked" }).waitFor();
    await page.getByLabel("Master password", { exact: true }).fill(owner.password);
    await page.getByRole("button", { name: "Unlock" }).click();
    await waitForHome(page);

    const wasm = responses.filter((response) => pathOf(response).endsWith(".wasm"));
    expect(wasm).toHaveLength(1);
    expect(wasm[0]?.status()).toBe(200);
    // compileStreaming refuses any other type, so this is what lets the page compile it.
    expect(wasm[0]?.headers()["content-type"]).toBe("application/wasm");

    // Unlock ran Argon2id in the worker, so it had libsodium; it got it from the page.
    const workers = page.workers();
    expect(workers.length).toBeGreaterThan(0);
    for (const worker of workers) {
      const fetched = await worker.evaluate(() =>
        performance.getEntriesByType("resource").map((entry) => entry.name),
      );
      expect(fetched.filter((name) => name.includes(".wasm"))).toEqual([]);
    }
    expect(
      await page.evaluate(
        () =>
          performance
            .getEntriesByType("resource")
            .filter((entry) => new URL(entry.name).pathname.endsWith(".wasm")).length,
      ),
    ).toBe(1);
    expect(errors()).toEqual([]);
  });

  it("no script the page or its workers load carries an embedded copy of the binary", async () => {
    const scripts = responses.filter((response) => pathOf(response).endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const body = (await script.body()).toString("latin1");
      expect(body.includes(embeddedWasm), pathOf(script)).toBe(false);
    }
  });

  it("scripts and the wasm come gzipped to a browser that accepts it", async () => {
    const compressed = (response: Response) => response.headers()["content-encoding"] === "gzip";
    // Next leaves bodies under 1 KB as they are: the gzip header would outweigh the saving.
    const large: Response[] = [];
    for (const response of responses) {
      if (response.status() !== 200) continue;
      // Chromium may already have dropped a body the page no longer holds: skip, not fail.
      const body = await response.body().catch(() => null);
      if (body && body.length >= 1024) large.push(response);
    }
    const scripts = large.filter((response) => pathOf(response).endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((script) => !compressed(script)).map(pathOf)).toEqual([]);
    expect(responses.filter((r) => pathOf(r).endsWith(".wasm")).every(compressed)).toBe(true);
  });
});
