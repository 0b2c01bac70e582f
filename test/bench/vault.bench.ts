// Vault work in Chromium, measured by the app's own performance marks:
// - vault.open_5000_ms / vault.open_20000_ms: open a vault (page by page: fetch, validate,
//   decrypt, paint) until every item is in and searchable; baseline: the same page fetching the
//   whole vault in one request and decrypting it in a bare libsodium loop, nothing painted;
// - vault.first_rows_20000_ms: from opening a 20,000-item vault to its first rows painted;
//   baseline: a bare fetch and decrypt of the first page;
// - vault.longest_task_20000_ms: the longest main-thread task (PerformanceObserver "longtask")
//   while the 20,000-item vault loads;
// - vault.decrypt_ratio: the app's decryption of 5,000 items (envelope, AD, JSON, shape check,
//   rollback guard) over a bare libsodium loop decrypting the same ciphertexts in the same page;
// - search.keystroke_10000_ms / search.keystroke_20000_ms: filtering every decrypted item on
//   one keystroke.
// It also draws docs/vault-open-chart.svg: open time against vault size (1k, 5k, 20k items) on
// PGlite and, when a server is reachable, PostgreSQL.
import fs from "node:fs";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { encryptItem, formatSecretKey, getSodium, KDF_V1, toBase64Url } from "../../lib/crypto";
import { FIRST_PAGE_LIMIT } from "../../lib/sdk/vaults/item-pages";
import { launchChromium } from "../support/browser";
import { submitSignIn, waitForHome } from "../support/browser-flows";
import { ApiClient, makeAccount } from "../support/protocol-client";
import { postgresAvailable, startServer, type DatabaseKind } from "../support/server";
import { randomId, samplePlaintext, VaultClient } from "../support/vault-client";
import { percentile, type BenchResult } from "./report";
import { renderVaultChart, type VaultOpenPoint } from "./vault-chart";

const password = "vault benchmark password";
const chartPath = "docs/vault-open-chart.svg";

/** Seeds `count` items through the batch route, 500 a request, each under its own AD. */
async function fillVault(
  client: VaultClient,
  vaultId: string,
  key: Uint8Array,
  prefix: string,
  count: number,
) {
  for (let start = 0; start < count; start += 500) {
    const items = Array.from({ length: Math.min(500, count - start) }, (_, offset) => {
      const itemId = randomId();
      const plaintext = samplePlaintext(`${prefix} service ${start + offset}`);
      plaintext.tags = [prefix.toLowerCase(), `team-${(start + offset) % 12}`];
      return {
        id: itemId,
        ciphertext: encryptItem(key, plaintext, { vaultId, itemId, keyVersion: 1, revision: 1 }),
      };
    });
    const response = await client.api.request(`/api/v1/vaults/${vaultId}/items/batch`, {
      json: { keyVersion: 1, items },
    });
    if (response.status !== 201) throw new Error(`batch failed: ${response.status}`);
  }
}

/** libsodium for the page's bare loop, bundled here rather than taken from the app. */
async function sodiumScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents: 'import sodium from "libsodium-wrappers-sumo"; globalThis.benchSodium = sodium;',
      resolveDir: process.cwd(),
      loader: "js",
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    logLevel: "error",
  });
  return result.outputFiles[0]?.text ?? "";
}

/** Every main-thread task over 50 ms, from the first moment of each page load. */
const longTaskScript = `
  globalThis.benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      globalThis.benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: "longtask", buffered: true });
`;

interface Bench {
  kind: DatabaseKind;
  url: string;
  owner: VaultClient;
  page: Page;
  stop: () => Promise<void>;
}

async function signedInBench(browser: Browser, kind: DatabaseKind, port: number): Promise<Bench> {
  const server = await startServer({ kind, port });
  const { account, secrets } = await makeAccount({
    email: `vaults-${kind}@example.test`,
    name: "Vault Bench",
    password,
    kdf: { ...KDF_V1 },
  });
  await new ApiClient(server.url).request("/api/v1/setup", {
    json: { organizationName: "Bench", account },
  });
  const owner = await VaultClient.signIn(server.url, secrets);
  const page = await browser.newPage();
  await page.addInitScript({ content: await sodiumScript() });
  await page.addInitScript({ content: longTaskScript });
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in the callbacks
  // handed to page.evaluate in a `__name` call the page does not have.
  await page.addInitScript({ content: "globalThis.__name = (target) => target;" });
  await submitSignIn(page, server.url, {
    email: secrets.email,
    password,
    secretKey: formatSecretKey(secrets.secretKey),
  });
  await waitForHome(page);
  return { kind, url: server.url, owner, page, stop: () => server.stop() };
}

interface OpenTiming {
  firstRows: number;
  open: number;
  /** The app's decryption work alone, summed over its pages. */
  decrypt: number;
  longestTask: number;
}

/** A full page load of the vault, the unlock, then the app's marks once every item is in. */
async function openVault(bench: Bench, vaultId: string): Promise<OpenTiming> {
  const { page } = bench;
  await page.goto(`${bench.url}/vaults/${vaultId}`);
  await page.getByLabel("Master password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.waitForFunction(
    () => performance.getEntriesByName("coffer:vault-open", "measure").length > 0,
    undefined,
    { timeout: 180_000 },
  );
  return page.evaluate(() => {
    const last = (name: string) => performance.getEntriesByName(name, "measure").at(-1);
    const open = last("coffer:vault-open");
    const start = open?.startTime ?? 0;
    const end = start + (open?.duration ?? 0);
    const tasks = (
      globalThis as unknown as { benchLongTasks: { start: number; duration: number }[] }
    ).benchLongTasks;
    return {
      firstRows: last("coffer:vault-first-rows")?.duration ?? NaN,
      open: open?.duration ?? NaN,
      decrypt: performance
        .getEntriesByName("coffer:vault-decrypt", "measure")
        .filter((entry) => entry.startTime >= start)
        .reduce((sum, entry) => sum + entry.duration, 0),
      longestTask: Math.max(
        0,
        ...tasks
          .filter((task) => task.start + task.duration > start && task.start < end)
          .map((task) => task.duration),
      ),
    };
  });
}

interface BareTiming {
  /** Fetch and parse of the whole vault (or of the first page) and the bare decryption. */
  total: number;
  decrypt: number;
}

/** The baseline: the same page fetching and decrypting with nothing but fetch and libsodium. */
function bareOpen(bench: Bench, vaultId: string, key: Uint8Array, firstPage = false) {
  return bench.page.evaluate(
    async ({ vaultId, keyText, firstPage, firstPageLimit }) => {
      const sodium = (
        globalThis as unknown as { benchSodium: typeof import("libsodium-wrappers-sumo") }
      ).benchSodium;
      await sodium.ready;
      const variant = sodium.base64_variants.URLSAFE_NO_PADDING;
      const key = sodium.from_base64(keyText, variant);
      const started = performance.now();
      const path = firstPage
        ? `/api/v1/vaults/${vaultId}/items?limit=${firstPageLimit}`
        : `/api/v1/vaults/${vaultId}`;
      const body = (await (await fetch(path)).json()) as {
        items: Array<{ id: string; keyVersion: number; revision: number; ciphertext: string }>;
      };
      const decryptStarted = performance.now();
      for (const item of body.items) {
        const [, nonce, ciphertext] = item.ciphertext.split(".");
        sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
          null,
          sodium.from_base64(ciphertext ?? "", variant),
          `coffer|item|v1|${vaultId}|${item.id}|${item.keyVersion}|${item.revision}`,
          sodium.from_base64(nonce ?? "", variant),
          key,
        );
      }
      const ended = performance.now();
      return { total: ended - started, decrypt: ended - decryptStarted };
    },
    { vaultId, keyText: toBase64Url(key), firstPage, firstPageLimit: FIRST_PAGE_LIMIT },
  ) as Promise<BareTiming>;
}

/** Keystrokes into the Vaults page's search once `total` items are decrypted there. */
async function keystrokes(page: Page, total: number): Promise<number[]> {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Vaults" })
    .click();
  await page.getByText(`of ${total} items`).waitFor({ timeout: 180_000 });
  const search = page.getByLabel("Search", { exact: true });
  const timings: number[] = [];
  for (const character of "service 12") {
    const before = await page.evaluate(
      () => performance.getEntriesByName("coffer:search", "measure").length,
    );
    await search.press(character === " " ? "Space" : character);
    await page.waitForFunction(
      (count) => performance.getEntriesByName("coffer:search", "measure").length > count,
      before,
    );
    timings.push(
      await page.evaluate(
        () => performance.getEntriesByName("coffer:search", "measure").at(-1)?.duration ?? NaN,
      ),
    );
  }
  return timings;
}

const median = (values: number[]) => percentile(values, 0.5);
const label = (kind: DatabaseKind): VaultOpenPoint["database"] =>
  kind === "pglite" ? "PGlite" : "PostgreSQL";

/** Open-time medians of fresh 1,000- and `sizes` item vaults, for the chart. */
async function chartPoints(bench: Bench, sizes: number[], rounds = 2) {
  const points: VaultOpenPoint[] = [];
  for (const size of sizes) {
    const vault = await bench.owner.createVault(`Chart ${size}`);
    await fillVault(bench.owner, vault.vaultId, vault.key, `Chart${size}`, size);
    const opens: number[] = [];
    for (let round = 0; round < rounds; round++) {
      opens.push((await openVault(bench, vault.vaultId)).open);
    }
    points.push({ database: label(bench.kind), items: size, ms: median(opens) });
  }
  return points;
}

export async function vaultBenchmarks(): Promise<BenchResult[]> {
  await getSodium();
  const browser = await launchChromium();
  const results: BenchResult[] = [];
  const points: VaultOpenPoint[] = [];
  try {
    // Two 5,000-item vaults: the 5,000 open, the decrypt ratio and the 10,000-item search.
    const small = await signedInBench(browser, "pglite", 3440);
    try {
      const first = await small.owner.createVault("Platform");
      await fillVault(small.owner, first.vaultId, first.key, "Platform", 5000);
      const second = await small.owner.createVault("Payments", "production");
      await fillVault(small.owner, second.vaultId, second.key, "Payments", 5000);
      const opens: OpenTiming[] = [];
      const bare: BareTiming[] = [];
      for (let round = 0; round < 3; round++) {
        opens.push(await openVault(small, first.vaultId));
        bare.push(await bareOpen(small, first.vaultId, first.key));
      }
      console.log("vault.open_5000 rounds (ms):", opens, bare);
      const typed = await keystrokes(small.page, 10_000);
      const decryptMedian = median(opens.map((timing) => timing.decrypt));
      const bareDecrypt = median(bare.map((timing) => timing.decrypt));
      const open5000 = median(opens.map((timing) => timing.open));
      points.push({ database: "PGlite", items: 5000, ms: open5000 });
      results.push(
        {
          id: "vault.open_5000_ms",
          value: open5000,
          unit: "ms",
          budget: 300,
          baseline: median(bare.map((timing) => timing.total)),
          note: "open a 5,000-item vault in Chromium until every item is searchable, page by page (median of 3); baseline: one fetch of the whole vault and a bare libsodium loop, nothing painted",
        },
        {
          id: "vault.decrypt_ratio",
          value: decryptMedian / bareDecrypt,
          unit: "×",
          budget: 2,
          note: `the app's decryption of 5,000 items (${decryptMedian.toFixed(1)} ms, summed over its pages) over a bare libsodium loop on the same ciphertexts in the same page (${bareDecrypt.toFixed(1)} ms)`,
        },
        {
          id: "search.keystroke_10000_ms",
          value: percentile(typed, 0.95),
          unit: "ms",
          budget: 16,
          baseline: percentile(typed, 0.5),
          note: "filtering 10,000 decrypted items on a keystroke, p95 over 10 keystrokes (baseline column: p50)",
        },
      );
    } finally {
      await small.page.close();
      await small.stop();
    }

    // One 20,000-item vault alone in its account: first rows, whole open, long tasks, search.
    const large = await signedInBench(browser, "pglite", 3530);
    try {
      const vault = await large.owner.createVault("Everything");
      await fillVault(large.owner, vault.vaultId, vault.key, "Everything", 20_000);
      const opens: OpenTiming[] = [];
      const bare: BareTiming[] = [];
      const bareFirst: BareTiming[] = [];
      for (let round = 0; round < 3; round++) {
        opens.push(await openVault(large, vault.vaultId));
        bare.push(await bareOpen(large, vault.vaultId, vault.key));
        bareFirst.push(await bareOpen(large, vault.vaultId, vault.key, true));
      }
      console.log("vault.open_20000 rounds (ms):", opens, bare, bareFirst);
      const typed = await keystrokes(large.page, 20_000);
      const open20000 = median(opens.map((timing) => timing.open));
      points.push({ database: "PGlite", items: 20_000, ms: open20000 });
      results.push(
        {
          id: "vault.first_rows_20000_ms",
          value: median(opens.map((timing) => timing.firstRows)),
          unit: "ms",
          budget: 300,
          baseline: median(bareFirst.map((timing) => timing.total)),
          note: `from opening a 20,000-item vault to its first rows painted (median of 3); baseline: a bare fetch and libsodium decrypt of the app's first page (${FIRST_PAGE_LIMIT} items)`,
        },
        {
          id: "vault.open_20000_ms",
          value: open20000,
          unit: "ms",
          budget: 1500,
          baseline: median(bare.map((timing) => timing.total)),
          note: "open a 20,000-item vault until every item is searchable (median of 3); baseline: one fetch of the whole vault and a bare libsodium loop, nothing painted",
        },
        {
          id: "vault.longest_task_20000_ms",
          value: Math.max(...opens.map((timing) => timing.longestTask)),
          unit: "ms",
          budget: 100,
          note: "the longest main-thread task (PerformanceObserver longtask) while a 20,000-item vault loads, worst of 3 opens",
        },
        {
          id: "search.keystroke_20000_ms",
          value: percentile(typed, 0.95),
          unit: "ms",
          budget: 16,
          baseline: percentile(typed, 0.5),
          note: "filtering 20,000 decrypted items on a keystroke, p95 over 10 keystrokes (baseline column: p50)",
        },
      );
      points.push(...(await chartPoints(large, [1000])));
    } finally {
      await large.page.close();
      await large.stop();
    }

    if (await postgresAvailable()) {
      const postgres = await signedInBench(browser, "postgresql", 3531);
      try {
        points.push(...(await chartPoints(postgres, [1000, 5000, 20_000])));
      } finally {
        await postgres.page.close();
        await postgres.stop();
      }
    } else {
      console.log("PostgreSQL is not reachable: the chart shows PGlite only.");
    }
  } finally {
    await browser.close();
  }
  console.log("vault open chart points:", points);
  fs.writeFileSync(
    chartPath,
    renderVaultChart(
      points,
      `npm run bench -- vault, ${new Date().toISOString().slice(0, 10)}; median of 2–3 opens in Chromium`,
    ),
  );
  return results;
}
