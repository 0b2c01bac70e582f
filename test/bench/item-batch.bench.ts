// Writing many items at once, on PostgreSQL:
// - items.batch_per_s.postgresql: items committed per second through
//   POST /api/v1/vaults/:id/items/batch, 5,000 items in batches of 500, ciphertexts made
//   beforehand so the figure is the server's (request, one transaction, one audit event);
//   baseline: single-item creates, one after another as a client without the batch route would
//   make them, measured in the same run against the same server.
import { encryptItem, getSodium } from "../../lib/crypto";
import { ITEM_BATCH_MAX_ITEMS } from "../../lib/api/item-batch";
import { ApiClient, makeAccount } from "../support/protocol-client";
import { dropPostgresDatabase, startServer } from "../support/server";
import { randomId, samplePlaintext, VaultClient } from "../support/vault-client";
import type { BenchResult } from "./report";

const batchedItems = 5000;
const singleItems = 200;

type Prepared = { id: string; ciphertext: string };

function prepare(vaultId: string, key: Uint8Array, count: number, prefix: string): Prepared[] {
  return Array.from({ length: count }, (_, index) => {
    const id = randomId();
    const plaintext = samplePlaintext(`${prefix} service ${index}`);
    return {
      id,
      ciphertext: encryptItem(key, plaintext, { vaultId, itemId: id, keyVersion: 1, revision: 1 }),
    };
  });
}

async function expectCreated(response: Promise<{ status: number; body: unknown }>) {
  const answer = await response;
  if (answer.status !== 201) {
    throw new Error(`create failed: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
  }
}

export async function itemBatchBenchmarks(): Promise<BenchResult[]> {
  await getSodium();
  const server = await startServer({ kind: "postgresql", port: 3480 });
  try {
    const { account, secrets } = await makeAccount({
      email: "batch@example.test",
      name: "Batch Bench",
      password: "batch benchmark password",
    });
    await new ApiClient(server.url).request("/api/v1/setup", {
      json: { organizationName: "Bench", account },
    });
    const owner = await VaultClient.signIn(server.url, secrets);
    const batched = await owner.createVault("Batched");
    const single = await owner.createVault("One by one");
    const batchItems = prepare(batched.vaultId, batched.key, batchedItems, "Batched");
    const singleCreates = prepare(single.vaultId, single.key, singleItems, "Single");
    // One small batch first, so the figure does not include the first request's warm-up.
    const warmUp = prepare(batched.vaultId, batched.key, 10, "Warm-up");
    await expectCreated(
      owner.api.request(`/api/v1/vaults/${batched.vaultId}/items/batch`, {
        json: { keyVersion: 1, items: warmUp },
      }),
    );

    const batchStarted = performance.now();
    for (let start = 0; start < batchItems.length; start += ITEM_BATCH_MAX_ITEMS) {
      await expectCreated(
        owner.api.request(`/api/v1/vaults/${batched.vaultId}/items/batch`, {
          json: { keyVersion: 1, items: batchItems.slice(start, start + ITEM_BATCH_MAX_ITEMS) },
        }),
      );
    }
    const batchSeconds = (performance.now() - batchStarted) / 1000;

    const singleStarted = performance.now();
    for (const item of singleCreates) {
      await expectCreated(
        owner.api.request(`/api/v1/vaults/${single.vaultId}/items`, {
          json: { id: item.id, keyVersion: 1, ciphertext: item.ciphertext },
        }),
      );
    }
    const singleSeconds = (performance.now() - singleStarted) / 1000;

    const stored = (await owner.detail(batched.vaultId)).items.length;
    if (stored !== batchedItems + warmUp.length) {
      throw new Error(`expected ${batchedItems + warmUp.length} items, found ${stored}`);
    }
    return [
      {
        id: "items.batch_per_s.postgresql",
        value: batchedItems / batchSeconds,
        unit: "items/s",
        budget: 1000,
        floor: true,
        baseline: singleItems / singleSeconds,
        note: `${batchedItems} items in batches of ${ITEM_BATCH_MAX_ITEMS}; baseline: ${singleItems} single creates in a row`,
      },
    ];
  } finally {
    await server.stop();
    if (server.databaseUrl) await dropPostgresDatabase(server.databaseUrl);
  }
}
