// Page weight in Chromium: what a person's browser fetches to open a vault from an empty cache
// (sign-in cookie only), through unlock to the item list.
// - page.vault_js_gzip_kb: every .js response (page chunks and worker scripts), each sized as
//   gzip at zlib's default level whether or not the server compressed it, so the figure does not
//   depend on the server's settings; baseline: Next's own framework chunks (the build manifest's
//   rootMainFiles), which every page of any Next app loads.
// - page.vault_wasm_requests: requests for libsodium's .wasm in that load; the page compiles it
//   once and hands the module to its workers, so this must be 1.
// - page.vault_transfer_kb: bytes on the wire for the whole load (all types), as served.
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
    const client = await context.newCDPSession(page);
    await client.send("Network.enable");
    let transferred = 0;
    client.on("Network.loadingFinished", (event) => {
      transferred += event.encodedDataLength;
    });
    await page.goto(`${server.url}/vaults/${vaultId}`);
    await page.getByLabel("Master password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Unlock" }).click();
    await page.getByRole("heading", { name: "Platform", level: 1 }).waitFor({ timeout: 60_000 });
    await page.waitForLoadState("networkidle");

    const scripts = responses.filter((response) =>
      new URL(response.url()).pathname.endsWith(".js"),
    );
    const wasm = responses.filter((response) => new URL(response.url()).pathname.endsWith(".wasm"));
    let jsGzip = 0;
    for (const response of scripts) jsGzip += gzipSize(await response.body());
    let wasmGzip = 0;
    let wasmRaw = 0;
    for (const response of wasm) {
      const body = await response.body();
      wasmRaw += body.length;
      wasmGzip += gzipSize(body);
    }
    await context.close();

    return [
      {
        id: "page.vault_js_gzip_kb",
        value: kb(jsGzip),
        unit: "KB",
        budget: 250,
        baseline: kb(frameworkGzipBytes()),
        note: `JS (gzip) the vault page fetches from an empty cache through unlock, ${scripts.length} files, workers included; wasm beside it: ${wasm.length} file(s), ${kb(wasmRaw)} KB (${kb(wasmGzip)} KB gzip); baseline: Next's framework chunks`,
      },
      {
        id: "page.vault_wasm_requests",
        value: wasm.length,
        unit: "requests",
        budget: 1,
        note: "requests for libsodium's .wasm in that load: the page compiles it once and posts the module to its workers",
      },
      {
        id: "page.vault_transfer_kb",
        value: kb(transferred),
        unit: "KB",
        note: "bytes on the wire for that load, every type, as the server sent them (compressed or not)",
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
