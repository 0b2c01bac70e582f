// Vault work in Chromium, measured by the app's own performance marks:
// - vault.open_5000_ms: open a vault of 5,000 items (fetch, decrypt, first paint of the list);
// - vault.decrypt_ratio: the app's decryption of those items (envelope, AD, JSON, shape check,
//   rollback guard) over a bare libsodium loop decrypting the same ciphertexts in the same page;
// - search.keystroke_10000_ms: filtering 10,000 decrypted items on one keystroke.
import { build } from "esbuild";
import { encryptItem, formatSecretKey, getSodium, KDF_V1, toBase64Url } from "../../lib/crypto";
import { launchChromium } from "../support/browser";
import { submitSignIn, waitForHome } from "../support/browser-flows";
import { ApiClient, makeAccount } from "../support/protocol-client";
import { startServer } from "../support/server";
import { randomId, samplePlaintext, VaultClient } from "../support/vault-client";
import { percentile, type BenchResult } from "./report";

const itemsPerVault = 5000;

async function fillVault(client: VaultClient, vaultId: string, key: Uint8Array, prefix: string) {
  const batch = 16;
  for (let start = 0; start < itemsPerVault; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, itemsPerVault - start) }, async (_, offset) => {
        const itemId = randomId();
        const plaintext = samplePlaintext(`${prefix} service ${start + offset}`);
        plaintext.tags = [prefix.toLowerCase(), `team-${(start + offset) % 12}`];
        const ciphertext = encryptItem(key, plaintext, {
          vaultId,
          itemId,
          keyVersion: 1,
          revision: 1,
        });
        const response = await client.api.request(`/api/v1/vaults/${vaultId}/items`, {
          json: { id: itemId, keyVersion: 1, ciphertext },
        });
        if (response.status !== 201) throw new Error(`item failed: ${response.status}`);
      }),
    );
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

export async function vaultBenchmarks(): Promise<BenchResult[]> {
  await getSodium();
  const server = await startServer({ kind: "pglite", port: 3440 });
  const browser = await launchChromium();
  try {
    const password = "vault benchmark password";
    const { account, secrets } = await makeAccount({
      email: "vaults@example.test",
      name: "Vault Bench",
      password,
      kdf: { ...KDF_V1 },
    });
    await new ApiClient(server.url).request("/api/v1/setup", {
      json: { organizationName: "Bench", account },
    });
    const owner = await VaultClient.signIn(server.url, secrets);
    const first = await owner.createVault("Platform");
    await fillVault(owner, first.vaultId, first.key, "Platform");
    const second = await owner.createVault("Payments", "production");
    await fillVault(owner, second.vaultId, second.key, "Payments");

    const page = await browser.newPage();
    await submitSignIn(page, server.url, {
      email: secrets.email,
      password,
      secretKey: formatSecretKey(secrets.secretKey),
    });
    await waitForHome(page);

    const open: number[] = [];
    const decrypt: number[] = [];
    const bare: number[] = [];
    await page.addInitScript({ content: await sodiumScript() });
    for (let round = 0; round < 3; round++) {
      await page.goto(`${server.url}/vaults/${first.vaultId}`);
      await page.getByLabel("Master password", { exact: true }).fill(password);
      await page.getByRole("button", { name: "Unlock" }).click();
      await page.waitForFunction(
        () => performance.getEntriesByName("coffer:vault-open", "measure").length > 0,
        undefined,
        { timeout: 120_000 },
      );
      const measured = await page.evaluate(() => ({
        open: performance.getEntriesByName("coffer:vault-open", "measure").at(-1)?.duration ?? NaN,
        decrypt:
          performance.getEntriesByName("coffer:vault-decrypt", "measure").at(-1)?.duration ?? NaN,
      }));
      console.log(
        "vault open breakdown (ms):",
        await page.evaluate(() =>
          ["coffer:vault-fetch", "coffer:vault-decrypt", "coffer:vault-open"].map((name) =>
            Math.round(performance.getEntriesByName(name, "measure").at(-1)?.duration ?? NaN),
          ),
        ),
      );
      open.push(measured.open);
      decrypt.push(measured.decrypt);
      bare.push(
        await page.evaluate(
          async ({ vaultId, keyText }) => {
            const sodium = (
              globalThis as unknown as { benchSodium: typeof import("libsodium-wrappers-sumo") }
            ).benchSodium;
            await sodium.ready;
            const variant = sodium.base64_variants.URLSAFE_NO_PADDING;
            const key = sodium.from_base64(keyText, variant);
            const detail = (await (await fetch(`/api/v1/vaults/${vaultId}`)).json()) as {
              items: Array<{
                id: string;
                keyVersion: number;
                revision: number;
                ciphertext: string;
              }>;
            };
            const started = performance.now();
            for (const item of detail.items) {
              const [, nonce, body] = item.ciphertext.split(".");
              sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
                null,
                sodium.from_base64(body ?? "", variant),
                `coffer|item|v1|${vaultId}|${item.id}|${item.keyVersion}|${item.revision}`,
                sodium.from_base64(nonce ?? "", variant),
                key,
              );
            }
            return performance.now() - started;
          },
          { vaultId: first.vaultId, keyText: toBase64Url(first.key) },
        ),
      );
    }

    // All 10,000 items: the vault list decrypts every vault, then each keystroke filters.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Vaults" })
      .click();
    await page.getByText(`of ${itemsPerVault * 2} items`).waitFor({ timeout: 120_000 });
    const search = page.getByLabel("Search");
    const keystrokes: number[] = [];
    for (const character of "service 12") {
      const before = await page.evaluate(
        () => performance.getEntriesByName("coffer:search", "measure").length,
      );
      await search.press(character === " " ? "Space" : character);
      await page.waitForFunction(
        (count) => performance.getEntriesByName("coffer:search", "measure").length > count,
        before,
      );
      keystrokes.push(
        await page.evaluate(
          () => performance.getEntriesByName("coffer:search", "measure").at(-1)?.duration ?? NaN,
        ),
      );
    }

    const decryptMedian = percentile(decrypt, 0.5);
    const bareMedian = percentile(bare, 0.5);
    return [
      {
        id: "vault.open_5000_ms",
        value: percentile(open, 0.5),
        unit: "ms",
        budget: 500,
        note: "open a 5,000-item vault in Chromium: fetch, decrypt, first paint (median of 3)",
      },
      {
        id: "vault.decrypt_ratio",
        value: decryptMedian / bareMedian,
        unit: "×",
        budget: 2,
        note: `the app's decryption of 5,000 items (${decryptMedian.toFixed(1)} ms) over a bare libsodium loop on the same ciphertexts in the same page (${bareMedian.toFixed(1)} ms)`,
      },
      {
        id: "search.keystroke_10000_ms",
        value: percentile(keystrokes, 0.95),
        unit: "ms",
        budget: 16,
        baseline: percentile(keystrokes, 0.5),
        note: "filtering 10,000 decrypted items on a keystroke, p95 over 10 keystrokes (baseline column: p50)",
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
  }
}
