// Unlock in Chromium, split into the Argon2id call and everything else (prelogin, key fetch,
// root and subkey derivation, unwrapping), as the app's own performance marks record them.
// Baselines: the same Argon2id call bare in Node's libsodium, and a bare fetch of the health
// check from the same page.
import { formatSecretKey, getSodium, KDF_V1, newSalt, slowHash } from "../../lib/crypto";
import { launchChromium } from "../support/browser";
import { submitSignIn, waitForHome } from "../support/browser-flows";
import { ApiClient, makeAccount } from "../support/protocol-client";
import { startServer } from "../support/server";
import { percentile, type BenchResult } from "./report";

const rounds = 5;

export async function unlockBenchmarks(): Promise<BenchResult[]> {
  const server = await startServer({ kind: "pglite", port: 3420 });
  const browser = await launchChromium();
  try {
    const password = "unlock benchmark password";
    const { account, secrets } = await makeAccount({
      email: "unlock@example.test",
      name: "Unlock Bench",
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

    const kdf: number[] = [];
    const overhead: number[] = [];
    const fetchBaseline: number[] = [];
    for (let round = 0; round < rounds; round++) {
      await page.reload();
      await page.getByRole("heading", { name: "Coffer is locked" }).waitFor();
      await page.getByLabel("Master password", { exact: true }).fill(password);
      await page.getByRole("button", { name: "Unlock" }).click();
      await page.getByRole("heading", { name: /Welcome/ }).waitFor({ timeout: 60_000 });
      // No helper functions inside evaluate: tsx would wrap them in a helper the page lacks.
      const measures = await page.evaluate(() => ({
        kdf: performance.getEntriesByName("coffer:unlock:kdf", "measure").at(-1)?.duration,
        total: performance.getEntriesByName("coffer:unlock", "measure").at(-1)?.duration,
      }));
      if (measures.kdf === undefined || measures.total === undefined) {
        throw new Error("the unlock screen recorded no performance measures");
      }
      kdf.push(measures.kdf);
      overhead.push(measures.total - measures.kdf);
      fetchBaseline.push(
        await page.evaluate(async () => {
          const started = performance.now();
          await (await fetch("/api/v1/health")).json();
          return performance.now() - started;
        }),
      );
    }

    await getSodium();
    const bare: number[] = [];
    for (let round = 0; round < 3; round++) {
      const started = performance.now();
      slowHash(password, newSalt(), KDF_V1);
      bare.push(performance.now() - started);
    }

    return [
      {
        id: "unlock.kdf_ms",
        value: percentile(kdf, 0.5),
        unit: "ms",
        baseline: percentile(bare, 0.5),
        note: `Argon2id (64 MiB, 3 passes) in the browser's Web Worker, median of ${rounds}; baseline: the same call in Node's libsodium`,
      },
      {
        id: "unlock.overhead_ms",
        value: percentile(overhead, 0.5),
        unit: "ms",
        budget: 50,
        baseline: percentile(fetchBaseline, 0.5),
        note: "unlock minus the KDF: prelogin, key fetch, derivation, unwrapping, in Chromium; baseline: one bare fetch from the page",
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
