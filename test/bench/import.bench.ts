// import.5000_items_ms: a 5,000-login Bitwarden JSON imported through the browser flow in
// Chromium on PostgreSQL, from the file being chosen to the last batch committed (the app's
// own "coffer:import" measure: read, parse in the worker, preview, plan, encrypt, send).
// Baseline: the bare parse + encrypt of the same file in the same page, on the main thread,
// with no worker, no preview and no network.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { formatSecretKey, getSodium, KDF_V1 } from "../../lib/crypto";
import { launchChromium } from "../support/browser";
import { submitSignIn, waitForHome } from "../support/browser-flows";
import { ApiClient, makeAccount } from "../support/protocol-client";
import { startServer } from "../support/server";
import { percentile, type BenchResult } from "./report";

const itemCount = 5000;
const rounds = 3;

/** A personal Bitwarden export of `count` logins in ten folders, as Bitwarden writes it. */
export function bitwardenExport(count: number): string {
  const folders = Array.from({ length: 10 }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    name: `Team ${index}`,
  }));
  const items = Array.from({ length: count }, (_, index) => ({
    passwordHistory: null,
    revisionDate: "2026-11-20T09:12:44.120Z",
    creationDate: "2026-03-02T14:05:10.000Z",
    deletedDate: null,
    id: `10000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    organizationId: null,
    folderId: folders[index % folders.length]!.id,
    type: 1,
    reprompt: 0,
    name: `Service ${index}`,
    notes: index % 4 === 0 ? `Owner: team ${index % 10}\nRotate quarterly.` : null,
    favorite: index % 50 === 0,
    fields: index % 3 === 0 ? [{ name: "Account id", value: `acct-${index}`, type: 0 }] : null,
    login: {
      uris: [{ match: null, uri: `https://service-${index}.example.test/login` }],
      username: `user${index}@example.test`,
      password: `bench-Password-${index}-${"x".repeat(12)}`,
      totp: index % 5 === 0 ? "JBSWY3DPEHPK3PXP" : null,
    },
    collectionIds: null,
  }));
  return JSON.stringify({ encrypted: false, folders, items }, null, 2);
}

/** The app's own parser and item encryption, bundled for the page's bare baseline loop. */
async function baselineScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        'import { bitwardenJsonParser } from "./lib/sdk/import/bitwarden-json";',
        'import { encryptItem, getSodium } from "./lib/crypto";',
        "globalThis.benchImport = { parser: bitwardenJsonParser, encryptItem, getSodium };",
      ].join("\n"),
      resolveDir: process.cwd(),
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    logLevel: "error",
  });
  return result.outputFiles[0]?.text ?? "";
}

type BaselineApi = {
  parser: {
    parse(file: { name: string; bytes: Uint8Array }): Promise<{
      items: { plaintext: unknown }[];
    }>;
  };
  encryptItem(key: Uint8Array, plaintext: unknown, context: object): string;
  getSodium(): Promise<unknown>;
};

export async function importBenchmarks(): Promise<BenchResult[]> {
  await getSodium();
  const server = await startServer({ kind: "postgresql", port: 3490 });
  const browser = await launchChromium();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-import-bench-"));
  try {
    const file = path.join(directory, "bitwarden_export_5000.json");
    const text = bitwardenExport(itemCount);
    fs.writeFileSync(file, text);

    const password = "import benchmark password";
    const { account, secrets } = await makeAccount({
      email: "import@example.test",
      name: "Import Bench",
      password,
      kdf: { ...KDF_V1 },
    });
    await new ApiClient(server.url).request("/api/v1/setup", {
      json: { organizationName: "Bench", account },
    });
    const page = await browser.newPage();
    await submitSignIn(page, server.url, {
      email: secrets.email,
      password,
      secretKey: formatSecretKey(secrets.secretKey),
    });
    await waitForHome(page);
    await page.addInitScript({ content: await baselineScript() });

    const flow: number[] = [];
    const parse: number[] = [];
    const bare: number[] = [];
    const bareParse: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // A full load locks the keys, as a person opening the page fresh would find it.
      await page.goto(`${server.url}/vaults/import`);
      await page.getByLabel("Master password", { exact: true }).fill(password);
      await page.getByRole("button", { name: "Unlock" }).click();
      await page.getByRole("heading", { name: "Import", level: 1 }).waitFor();

      await page.getByLabel("File to import").setInputFiles(file);
      await page.getByText("bitwarden_export_5000.json:").waitFor();
      await page.getByRole("button", { name: "Read file" }).click();
      await page.getByLabel("New vault name").fill(`Bench import ${round}`);
      await page
        .getByRole("button", { name: `Import ${itemCount.toLocaleString("en")} items` })
        .click();
      await page.getByRole("heading", { name: "Import finished" }).waitFor({ timeout: 120_000 });
      await page
        .getByText(
          `${itemCount.toLocaleString("en")} of ${itemCount.toLocaleString("en")} items imported.`,
        )
        .waitFor();
      const measured = await page.evaluate(() => ({
        flow: performance.getEntriesByName("coffer:import", "measure").at(-1)?.duration ?? NaN,
        parse:
          performance.getEntriesByName("coffer:import-parse", "measure").at(-1)?.duration ?? NaN,
      }));
      flow.push(measured.flow);
      parse.push(measured.parse);

      const baseline = await page.evaluate(
        async ({ content, count }) => {
          const api = (globalThis as unknown as { benchImport: BaselineApi }).benchImport;
          await api.getSodium();
          const key = crypto.getRandomValues(new Uint8Array(32));
          const started = performance.now();
          const bytes = new TextEncoder().encode(content);
          const result = await api.parser.parse({ name: "bitwarden_export_5000.json", bytes });
          const parsed = performance.now();
          result.items.forEach((item, index) => {
            api.encryptItem(key, item.plaintext, {
              vaultId: "bench-vault",
              itemId: `bench-${index}`,
              keyVersion: 1,
              revision: 1,
            });
          });
          if (result.items.length !== count) throw new Error("baseline parsed the wrong count");
          return { total: performance.now() - started, parse: parsed - started };
        },
        { content: text, count: itemCount },
      );
      bare.push(baseline.total);
      bareParse.push(baseline.parse);
    }
    const parseOnMainThread = percentile(bareParse, 0.5);
    return [
      {
        id: "import.5000_items_ms",
        value: percentile(flow, 0.5),
        unit: "ms",
        budget: 10_000,
        baseline: percentile(bare, 0.5),
        note: `a 5,000-login Bitwarden JSON through the browser flow on PostgreSQL, file chosen to last batch committed (median of ${rounds}; parse in the worker ${percentile(parse, 0.5).toFixed(0)} ms); baseline: bare parse + encrypt in the page (parse alone on the main thread ${parseOnMainThread.toFixed(0)} ms)`,
      },
    ];
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
    await browser.close();
    await server.stop();
  }
}
