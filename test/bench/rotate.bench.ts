// Rotating a 1,000-item vault with 50 members, end to end from the managing client: fetch the
// vault and its history, decrypt and re-encrypt every item and revision, seal and sign 50
// grants, submit the batch, and the server applies it in one transaction. Baseline: the
// libsodium work alone (open + seal of the same ciphertexts, 50 sealed boxes and signatures).
// Also records the wire size of a vault's items.
import {
  encryptItem,
  getSodium,
  itemAd,
  newVaultKey,
  openEnvelope,
  sealEnvelope,
  sealVaultKey,
  signMessage,
} from "../../lib/crypto";
import { inviteMember } from "../support/flows";
import { ApiClient, makeAccount } from "../support/protocol-client";
import { dropPostgresDatabase, postgresAvailable, startServer } from "../support/server";
import { randomId, samplePlaintext, VaultClient } from "../support/vault-client";
import type { BenchResult } from "./report";

const itemCount = 1000;
const memberCount = 50;

export async function rotateBenchmarks(): Promise<BenchResult[]> {
  await getSodium();
  const results: BenchResult[] = [];
  const kinds: Array<"pglite" | "postgresql"> = ["pglite"];
  if (await postgresAvailable()) kinds.push("postgresql");
  let port = 3430;
  for (const kind of kinds) {
    const server = await startServer({ kind, port: port++ });
    try {
      const { account, secrets } = await makeAccount({
        email: "rotate@example.test",
        name: "Rotate Bench",
        password: "rotate benchmark password",
      });
      await new ApiClient(server.url).request("/api/v1/setup", {
        json: { organizationName: "Bench", account },
      });
      const manager = await VaultClient.signIn(server.url, secrets);
      const { vaultId, key } = await manager.createVault("Production database");
      for (let member = 1; member < memberCount; member++) {
        const made = await inviteMember(manager.api, { label: `m${member}` });
        const response = await manager.shareWith(vaultId, made.secrets.userId, "view");
        if (response.status !== 201) throw new Error("benchmark share failed");
      }
      for (let index = 0; index < itemCount; index++) {
        const itemId = randomId();
        const ciphertext = encryptItem(key, samplePlaintext(`Service ${index}`), {
          vaultId,
          itemId,
          keyVersion: 1,
          revision: 1,
        });
        const response = await manager.api.request(`/api/v1/vaults/${vaultId}/items`, {
          json: { id: itemId, keyVersion: 1, ciphertext },
        });
        if (response.status !== 201) throw new Error("benchmark item failed");
      }

      const detail = await manager.api.request(`/api/v1/vaults/${vaultId}`);
      const itemsJson = JSON.stringify((detail.body as { items: unknown[] }).items);
      if (kind === "pglite") {
        results.push({
          id: "vault.payload_kb_per_1000",
          value: Buffer.byteLength(itemsJson) / 1024 / (itemCount / 1000),
          unit: "KB",
          note: "JSON of a vault's items (a two-field login with notes, URL and tag each) per 1,000 items",
        });
      }

      const started = performance.now();
      const { response } = await manager.rotate(vaultId, []);
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`benchmark rotation failed: ${response.status}`);

      const items = (detail.body as { items: Array<{ id: string; ciphertext: string }> }).items;
      const baselineStarted = performance.now();
      const nextKey = newVaultKey();
      for (let pass = 0; pass < 2; pass++) {
        for (const item of items) {
          const plaintext = openEnvelope(
            key,
            item.ciphertext,
            itemAd(vaultId, item.id, 1, 1),
            "item",
          );
          sealEnvelope(nextKey, plaintext, itemAd(vaultId, item.id, 2, 1));
        }
      }
      const boxKey = manager.boxKeyPair.publicKey;
      for (let member = 0; member < memberCount; member++) {
        signMessage(manager.signPrivateKey, `grant|${sealVaultKey(nextKey, boxKey)}`);
      }
      const baseline = performance.now() - baselineStarted;

      results.push({
        id: `rotate.1000x50_ms.${kind}`,
        value: elapsed,
        unit: "ms",
        budget: 3000,
        baseline,
        note: "rotate a 1,000-item vault (1,000 items + 1,000 revisions) with 50 members, client and server; baseline: the bare libsodium work",
      });
    } finally {
      await server.stop();
      if (server.databaseUrl) await dropPostgresDatabase(server.databaseUrl);
    }
  }
  return results;
}
