// Page weight in Chromium: what a person's browser fetches to open a vault from an empty cache
// (sign-in cookie only), through unlock to the item list.
// - page.vault_js_gzip_kb: every .js response (page chunks and worker scripts), each sized as
//   gzip at zlib's default level whether or not the server compressed it, so the figure does not
//   depend on the server's settings; baseline: Next's own framework chunks (the build manifest's
//   rootMainFiles), which every page of any Next app loads.
// - page.vault_wasm_requests: requests for libsodium's .wasm in that load; the page compiles it
//   once and hands the module to its workers, so this must be 1.
// - page.vault_transfer_kb: response bodies on the wire for the whole load (all types), as
//   served: the figure compression changes.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Response } from "playwright-core";
import { formatSecretKey, getSodium, KDF_V1 } from "../../lib/crypto";
import { launchChromium } from "../support/browser";
import { submitSignIn, waitForHome } from "../support/browser-flows";
import { ApiClient, makeAccount } from "../support/protocol-client";
import { startServer } from "../support/server";
import { VaultClient } from "../support/vault-client";
import type { BenchResult } from "./report";

const gzipSize = (bytes: Buffer) => zlib.gzipSync(bytes).length;
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** Next's framework and runtime chunks of this build: the floor under any page's JS. */
function frameworkGzipBytes(): number {
  const distDir = process.env.COFFER_DIST_DIR || ".next";
  const manifest = JSON.parse(
    fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8"),
  ) as { rootMainFiles: string[] };
  return manifest.rootMainFiles
    .filter((file) => file.endsWith(".js"))
    .reduce((sum, file) => sum + gzipSize(fs.readFileSync(path.join(distDir, file))), 0);
}

export async function pageBenchmarks(): Promise<BenchResult[]> {
  await getSodium();
  const server = await startServer({ kind: "pglite", port: 3520 });
  const browser = await launchChromium();
  try {
    const password = "page weight benchmark password";
    const { account, secrets } = await makeAccount({
      email: "page@example.test",
      name: "Page Bench",
      password,
      kdf: { ...KDF_V1 },
    });
    await new ApiClient(server.url).request("/api/v1/setup", {
      json: { organizationName: "Bench", account },
    });
    const owner = await VaultClient.signIn(server.url, secrets);
    const { vaultId } = await owner.createVault("Platform");

    // Sign in once; the measured load is a new context (its own, empty HTTP cache) that
    // carries only the cookies and the Secret Key this device stored.
    const signInContext = await browser.newContext();
    const signInPage = await signInContext.newPage();
    await submitSignIn(signInPage, server.url, {
      email: secrets.email,
      password,
      secretKey: formatSecretKey(secrets.secretKey),
    });
    await waitForHome(signInPage);
    const storageState = await signInContext.storageState({ indexedDB: true });
    await signInContext.close();

    const context = await browser.newContext({ storageState });
    const responses: Response[] = [];
    context.on("response", (response) => responses.push(response));
    const page = await context.newPage();
    await page.goto(`${server.url}/vaults/${vaultId}`);
    await page.getByLabel("Master password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Unlock" }).click();
    await page.getByRole("heading", { name: "Platform", level: 1 }).waitFor({ timeout: 60_000 });
    await page.waitForLoadState("networkidle");

    const pathOf = (response: Response) => new URL(response.url()).pathname;
    // A worker that loads a chunk the page already has gets it from the cache, but parses it
    // again: counted once in the figure, and the repeats in the note.
    const gzipByPath = new Map<string, number>();
    let jsParsedGzip = 0;
    let wasmRaw = 0;
    let wasmGzip = 0;
    let wasmRequests = 0;
    let transferred = 0;
    for (const response of responses) {
      const file = pathOf(response);
      transferred += (await response.request().sizes()).responseBodySize;
      if (file.endsWith(".js")) {
        const size = gzipSize(await response.body());
        jsParsedGzip += size;
        gzipByPath.set(file, size);
      } else if (file.endsWith(".wasm")) {
        const body = await response.body();
        wasmRequests++;
        wasmRaw += body.length;
        wasmGzip += gzipSize(body);
      }
    }
    await context.close();
    const jsGzip = [...gzipByPath.values()].reduce((sum, size) => sum + size, 0);
    const largest = [...gzipByPath.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([file, size]) => `${file.split("/").at(-1)} ${kb(size)} KB`);
    console.log(`vault page JS (gzip), largest: ${largest.join(", ")}`);

    return [
      {
        id: "page.vault_js_gzip_kb",
        value: kb(jsGzip),
        unit: "KB",
        budget: 250,
        baseline: kb(frameworkGzipBytes()),
        note: `JS (gzip) the vault page fetches from an empty cache through unlock, ${gzipByPath.size} files, workers included (${kb(jsParsedGzip)} KB counting each chunk every time a thread loads it); wasm beside it: ${wasmRequests} request(s), ${kb(wasmRaw)} KB (${kb(wasmGzip)} KB gzip); baseline: Next's framework chunks`,
      },
      {
        id: "page.vault_wasm_requests",
        value: wasmRequests,
        unit: "requests",
        budget: 1,
        note: "requests for libsodium's .wasm in that load: the page compiles it once and posts the module to its workers",
      },
      {
        id: "page.vault_transfer_kb",
        value: kb(transferred),
        unit: "KB",
        note: "response bodies on the wire for that load, every type and thread, as the server sent them (compressed or not)",
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
