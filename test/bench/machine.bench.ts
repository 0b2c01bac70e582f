// Machine reads:
// - machine.fetch_rps_ratio: a token reading a 50-item vault on PostgreSQL, 10 connections,
//   Coffer's requests per second over a bare node:http + pg handler doing the same work (token
//   lookup, use decrement, vault read) against the same database and answering as Coffer does
//   (gzip when the client asks, from 14 KB), rounds interleaved;
// - machine.fetch_p50_ms.postgresql / .pglite: one client, one request at a time.
import crypto from "node:crypto";
import pg from "pg";
import {
  bearerCredential,
  encryptItem,
  getSodium,
  parseBearerCredential,
  parseMachineToken,
} from "../../lib/crypto";
import { ApiClient, makeAccount } from "../support/protocol-client";
import { startServer, dropPostgresDatabase, type DatabaseKind } from "../support/server";
import { createServiceAccount, grantServiceAccount, mintToken } from "../support/service-accounts";
import { randomId, samplePlaintext, VaultClient } from "../support/vault-client";
import {
  bareHttpServer,
  interleavedRates,
  requestsPerSecond,
  sendJson,
  singleClientP50,
} from "./load";
import type { BenchResult } from "./report";

const itemCount = 50;
const connections = 10;
const roundMs = 2500;
const rounds = 3;

async function seededServer(kind: DatabaseKind, port: number) {
  const server = await startServer({ kind, port });
  const { account, secrets } = await makeAccount({
    email: "machines@example.test",
    name: "Machine Bench",
    password: "machine benchmark password",
  });
  const setUp = await new ApiClient(server.url).request("/api/v1/setup", {
    json: { organizationName: "Bench", account },
  });
  if (setUp.status !== 201) throw new Error(`setup failed: ${JSON.stringify(setUp.body)}`);
  const owner = await VaultClient.signIn(server.url, secrets);
  const { vaultId, key } = await owner.createVault("Deploy", "production");
  for (let index = 0; index < itemCount; index++) {
    const itemId = randomId();
    const ciphertext = encryptItem(key, samplePlaintext(`secret ${index}`), {
      vaultId,
      itemId,
      keyVersion: 1,
      revision: 1,
    });
    await owner.api.request(`/api/v1/vaults/${vaultId}/items`, {
      json: { id: itemId, keyVersion: 1, ciphertext },
    });
  }
  const machine = await createServiceAccount(owner, { name: "bench", maxTokenTtlSeconds: 86_400 });
  await grantServiceAccount(owner, machine, vaultId, "read");
  const { token, tokenId } = await mintToken(owner, machine, { ttlSeconds: 86_400 });
  return { server, bearer: bearerCredential(parseMachineToken(token)), tokenId };
}

/**
 * The same work without Coffer: parse the bearer, look the token up with its account, take a
 * use, read the granted vaults and their items — four statements on a pool of ten.
 */
async function bareServer(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  return bareHttpServer(
    async (request, response) => {
      const credential = parseBearerCredential(
        (request.headers.authorization ?? "").replace(/^Bearer /, ""),
      );
      const client = await pool.connect();
      try {
        const token = await client.query(
          `SELECT t."id", t."authSecretHash", t."serviceAccountId", a."status"
           FROM "MachineToken" t JOIN "ServiceAccount" a ON a."id" = t."serviceAccountId"
           WHERE t."id" = $1`,
          [credential?.tokenId ?? ""],
        );
        const row = token.rows[0];
        const hash = crypto
          .createHash("sha256")
          .update(credential?.authSecret ?? "")
          .digest();
        if (!row || !crypto.timingSafeEqual(hash, Buffer.from(row.authSecretHash, "base64url"))) {
          response.writeHead(401).end();
          return;
        }
        await client.query(
          `UPDATE "MachineToken" SET "usesLeft" = "usesLeft" - 1, "lastUsedAt" = now(),
                  "lastUsedAddress" = $2
           WHERE "id" = $1 AND "revokedAt" IS NULL AND "suspendedAt" IS NULL
             AND "expiresAt" > now() AND ("usesLeft" IS NULL OR "usesLeft" > 0)`,
          [row.id, request.socket.remoteAddress ?? ""],
        );
        const vaults = await client.query(
          `SELECT v."id", v."encryptedName", g."sealedKey", g."signature"
           FROM "ServiceAccountGrant" g JOIN "Vault" v ON v."id" = g."vaultId"
           WHERE g."serviceAccountId" = $1`,
          [row?.serviceAccountId ?? ""],
        );
        const items = await client.query(
          `SELECT "id", "keyVersion", "revision", "ciphertext" FROM "Item" WHERE "vaultId" = ANY($1)`,
          [vaults.rows.map((vault) => vault.id)],
        );
        await sendJson(request, response, { vaults: vaults.rows, items: items.rows });
      } finally {
        client.release();
      }
    },
    () => pool.end(),
  );
}

const load = (bearer: string) => ({
  connections,
  roundMs,
  headers: { authorization: `Bearer ${bearer}` },
});

export async function machineBenchmarks(): Promise<BenchResult[]> {
  await getSodium();
  const results: BenchResult[] = [];
  const postgres = await seededServer("postgresql", 3460);
  const bare = await bareServer(postgres.server.databaseUrl!);
  try {
    const accessUrl = `${postgres.server.url}/api/v1/machine/access`;
    const rates = await interleavedRates(
      {
        coffer: () => requestsPerSecond(accessUrl, load(postgres.bearer)),
        baseline: () => requestsPerSecond(bare.url, load(postgres.bearer)),
      },
      rounds,
    );
    results.push({
      id: "machine.fetch_rps_ratio",
      value: rates.coffer / rates.baseline,
      unit: "×",
      budget: 0.5,
      floor: true,
      baseline: 1,
      note: `token read of a ${itemCount}-item vault on PostgreSQL, ${connections} connections: ${Math.round(rates.coffer)} req/s vs ${Math.round(rates.baseline)} req/s bare node:http + pg`,
    });
    results.push({
      id: "machine.fetch_p50_ms.postgresql",
      value: await singleClientP50(accessUrl, load(postgres.bearer).headers),
      unit: "ms",
      budget: 10,
      baseline: await singleClientP50(bare.url, load(postgres.bearer).headers),
      note: "one client, one token read at a time; baseline the bare handler",
    });
  } finally {
    await bare.close();
    await postgres.server.stop();
    await dropPostgresDatabase(postgres.server.databaseUrl!);
  }
  const pglite = await seededServer("pglite", 3461);
  try {
    results.push({
      id: "machine.fetch_p50_ms.pglite",
      value: await singleClientP50(
        `${pglite.server.url}/api/v1/machine/access`,
        load(pglite.bearer).headers,
      ),
      unit: "ms",
      budget: 15,
      note: "one client, one token read at a time, embedded PGlite",
    });
  } finally {
    await pglite.server.stop();
  }
  return results;
}
