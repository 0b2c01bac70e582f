// The signed-in API against bare PostgreSQL:
// - api.vault_read_rps_ratio: `GET /api/v1/vaults/:id` of a 10-item vault on PostgreSQL with a
//   browser's session cookie, 10 connections, Coffer's requests per second over a bare
//   node:http + pg handler doing the same work (session lookup, membership, vault with the
//   caller's grant, items) against the same database, rounds interleaved (on a server that
//   does not count statements);
// - api.statements_per_vault_read: SQL statements that one such read sends to the database, as
//   the server counts them at its driver adapter (COFFER_COUNT_STATEMENTS);
// - api.health_rps: `GET /api/v1/health` beside a bare node:http server answering the same JSON.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { decode } from "next-auth/jwt";
import { getSodium } from "../../lib/crypto";
import { ApiClient, makeAccount } from "../support/protocol-client";
import { dropPostgresDatabase, startServer } from "../support/server";
import { samplePlaintext, VaultClient } from "../support/vault-client";
import { bareHttpServer, interleavedRates, requestsPerSecond } from "./load";
import type { BenchResult } from "./report";

const itemCount = 10;
const connections = 10;
const roundMs = 2500;
const rounds = 3;
const statementSamples = 20;

async function seededServer(port: number) {
  const server = await startServer({
    kind: "postgresql",
    port,
    env: { COFFER_COUNT_STATEMENTS: "1" },
  });
  const { account, secrets } = await makeAccount({
    email: "api@example.test",
    name: "Api Bench",
    password: "api benchmark password",
  });
  const setUp = await new ApiClient(server.url).request("/api/v1/setup", {
    json: { organizationName: "Bench", account },
  });
  if (setUp.status !== 201) throw new Error(`setup failed: ${JSON.stringify(setUp.body)}`);
  const owner = await VaultClient.signIn(server.url, secrets);
  const { vaultId } = await owner.createVault("Deploy", "production");
  for (let index = 0; index < itemCount; index++) {
    await owner.addItem(vaultId, samplePlaintext(`secret ${index}`));
  }
  return { server, owner, vaultId };
}

/**
 * The session secret inside the browser's cookie, for the bare handler: it is given the secret
 * itself, so its share of the work starts at the session row, as Coffer's ends at it.
 */
async function sessionSecretOf(cookieHeader: string, dataDirectory: string): Promise<string> {
  const cookie = cookieHeader
    .split("; ")
    .find((pair) => pair.startsWith("next-auth.session-token="));
  if (!cookie) throw new Error("no session cookie after sign-in");
  const secret = fs.readFileSync(path.join(dataDirectory, "server-secret"), "utf8").trim();
  const token = await decode({ token: cookie.slice(cookie.indexOf("=") + 1), secret });
  if (typeof token?.sessionToken !== "string") throw new Error("the cookie holds no session");
  return token.sessionToken;
}

/**
 * The same work without Coffer: hash the session secret, read the session with its person,
 * the membership, the vault with the caller's grant, and its items — four statements on a pool
 * of ten.
 */
async function bareVaultServer(databaseUrl: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  return bareHttpServer(
    async (request, response) => {
      const vaultId = (request.url ?? "").split("/").pop() ?? "";
      const secret = (request.headers.authorization ?? "").replace(/^Bearer /, "");
      const tokenHash = crypto.createHash("sha256").update(secret).digest("base64url");
      const client = await pool.connect();
      try {
        const sessions = await client.query(
          `SELECT s."id", s."userId", s."revokedAt", s."expiresAt", s."lastSeenAt", u."status"
           FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."tokenHash" = $1`,
          [tokenHash],
        );
        const session = sessions.rows[0];
        if (!session || session.revokedAt || session.expiresAt < new Date()) {
          response.writeHead(401).end();
          return;
        }
        const members = await client.query(
          `SELECT "role" FROM "VaultMember" WHERE "vaultId" = $1 AND "userId" = $2`,
          [vaultId, session.userId],
        );
        if (!members.rows[0]) {
          response.writeHead(404).end();
          return;
        }
        const vaults = await client.query(
          `SELECT v."id", v."encryptedName", v."environment", v."keyVersion", v."updatedAt",
                  g."sealedKey", g."signature", g."granterId"
           FROM "Vault" v LEFT JOIN "VaultKeyGrant" g
             ON g."vaultId" = v."id" AND g."userId" = $2 AND g."keyVersion" = v."keyVersion"
           WHERE v."id" = $1`,
          [vaultId, session.userId],
        );
        const items = await client.query(
          `SELECT "id", "keyVersion", "revision", "ciphertext", "createdAt", "updatedAt"
           FROM "Item" WHERE "vaultId" = $1 ORDER BY "createdAt", "id"`,
          [vaultId],
        );
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify({
            vault: { ...vaults.rows[0], role: members.rows[0].role },
            items: items.rows,
          }),
        );
      } finally {
        client.release();
      }
    },
    () => pool.end(),
  );
}

/** A health answer with nothing behind it: what node:http alone costs per request. */
function bareHealthServer() {
  return bareHttpServer(async (_request, response) => {
    response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
    response.end(JSON.stringify({ ok: true, db: "postgresql" }));
  });
}

/** The statements the server reports for each of `samples` vault reads, one at a time. */
async function statementsPerRead(url: string, cookie: string): Promise<number[]> {
  const counts: number[] = [];
  for (let index = 0; index < statementSamples; index++) {
    const response = await fetch(url, { headers: { cookie } });
    await response.arrayBuffer();
    const header = response.headers.get("coffer-statements");
    if (response.status !== 200 || header === null) {
      throw new Error(`vault read answered ${response.status} without a statement count`);
    }
    counts.push(Number(header));
  }
  return counts;
}

export async function apiBenchmarks(): Promise<BenchResult[]> {
  await getSodium();
  const results: BenchResult[] = [];
  const seeded = await seededServer(3500);
  const { owner, vaultId } = seeded;
  const cookie = owner.api.jar.header();
  const secret = await sessionSecretOf(cookie, seeded.server.dataDirectory);
  // Counted on a server that counts, timed on one that does not: the count is an instrument
  // of the tests, not something an installation runs. Same database and server secret, so the
  // session cookie holds on both.
  const counts = await statementsPerRead(`${seeded.server.url}/api/v1/vaults/${vaultId}`, cookie);
  await seeded.server.stop();
  const server = await startServer({
    kind: "postgresql",
    port: 3500,
    databaseUrl: seeded.server.databaseUrl,
    dataDirectory: seeded.server.dataDirectory,
  });
  const bareVault = await bareVaultServer(server.databaseUrl!);
  const bareHealth = await bareHealthServer();
  try {
    const vaultUrl = `${server.url}/api/v1/vaults/${vaultId}`;
    const vault = await interleavedRates(
      {
        coffer: () => requestsPerSecond(vaultUrl, { connections, roundMs, headers: { cookie } }),
        baseline: () =>
          requestsPerSecond(`${bareVault.url}/${vaultId}`, {
            connections,
            roundMs,
            headers: { authorization: `Bearer ${secret}` },
          }),
      },
      rounds,
    );
    results.push({
      id: "api.vault_read_rps_ratio",
      value: vault.coffer / vault.baseline,
      unit: "×",
      budget: 0.5,
      floor: true,
      baseline: 1,
      note: `GET /api/v1/vaults/:id of a ${itemCount}-item vault on PostgreSQL with a session cookie, ${connections} connections: ${Math.round(vault.coffer)} req/s vs ${Math.round(vault.baseline)} req/s bare node:http + pg (4 statements)`,
    });
    results.push({
      id: "api.statements_per_vault_read",
      value: Math.max(...counts),
      unit: "statements",
      budget: 5,
      baseline: 4,
      note: `the most of ${statementSamples} reads, counted at the server's driver adapter; baseline the bare handler's statements`,
    });
    const health = await interleavedRates(
      {
        coffer: () => requestsPerSecond(`${server.url}/api/v1/health`, { connections, roundMs }),
        baseline: () => requestsPerSecond(bareHealth.url, { connections, roundMs }),
      },
      rounds,
    );
    results.push({
      id: "api.health_rps",
      value: health.coffer,
      unit: "req/s",
      baseline: health.baseline,
      note: `GET /api/v1/health, ${connections} connections; baseline bare node:http answering the same JSON (${(health.coffer / health.baseline).toFixed(2)}×)`,
    });
  } finally {
    await bareVault.close();
    await bareHealth.close();
    await server.stop();
    await dropPostgresDatabase(server.databaseUrl!);
  }
  return results;
}
