// A rotation is all or nothing even when the server dies in the middle of it (DESIGN.md §11:
// "in one database transaction or not at all"). The server is SIGKILLed — the whole process
// group, `next start` included — at a random moment while a 200-item rotation is in flight,
// restarted on the same data, and the vault must open entirely under one key version: the old
// one or the new one, never a mix of items, history, name and grants.
import { afterAll, describe, expect, it } from "vitest";
import { decryptItem } from "@/lib/crypto";
import { ApiClient, makeAccount } from "../support/protocol-client";
import {
  dropPostgresDatabase,
  postgresAvailable,
  sleep,
  startServer,
  type DatabaseKind,
  type RunningServer,
} from "../support/server";
import { samplePlaintext, VaultClient } from "../support/vault-client";

const ITEM_COUNT = 200;
const EDITED_COUNT = 20;
const MAX_KILL_DELAY_MS = 300;

const engines: Array<{ kind: DatabaseKind; port: number; runs: number }> = [
  { kind: "pglite", port: 3610, runs: 12 },
];
if (await postgresAvailable()) engines.push({ kind: "postgresql", port: 3611, runs: 8 });
else if (process.env.CI) throw new Error("PostgreSQL at 127.0.0.1:5432 is required under CI");

const started: RunningServer[] = [];

afterAll(async () => {
  for (const server of started) await server.stop();
  const databases = new Set(started.flatMap((server) => server.databaseUrl ?? []));
  for (const databaseUrl of databases) await dropPostgresDatabase(databaseUrl);
});

async function start(options: Parameters<typeof startServer>[0]) {
  const server = await startServer({ ...options, detached: true });
  started.push(server);
  return server;
}

async function setUpOwner(url: string) {
  const { account, secrets } = await makeAccount({
    email: "crash-owner@example.test",
    name: "Crash Owner",
    password: "rotation under fire",
  });
  const created = await new ApiClient(url).request("/api/v1/setup", {
    json: { organizationName: "Crash Ltd", account },
  });
  if (created.status !== 201) throw new Error(`setup failed: ${JSON.stringify(created.body)}`);
  return VaultClient.signIn(url, secrets);
}

/** Adds items a few at a time: the order of creation does not matter here. */
async function fillVault(owner: VaultClient, vaultId: string) {
  for (let index = 0; index < ITEM_COUNT; index += 10) {
    await Promise.all(
      Array.from({ length: 10 }, (_, offset) =>
        owner.addItem(vaultId, samplePlaintext(`item ${index + offset}`)),
      ),
    );
  }
  const opened = await owner.openVault(vaultId);
  for (const item of opened.items.slice(0, EDITED_COUNT)) {
    const response = await owner.updateItem(vaultId, item, samplePlaintext(`${item.id} edited`));
    if (response.status !== 200) throw new Error(`edit failed: HTTP ${response.status}`);
  }
}

describe.each(engines)("rotation interrupted by SIGKILL on $kind", ({ kind, port, runs }) => {
  it(
    `leaves the vault wholly at one key version across ${runs} crashes`,
    { timeout: 240_000 },
    async () => {
      let server = await start({ kind, port });
      let owner = await setUpOwner(server.url);
      const { vaultId } = await owner.createVault("Crash test", "production");
      await fillVault(owner, vaultId);
      const outcomes: string[] = [];

      for (let run = 0; run < runs; run++) {
        const { batch, newKey, keyVersion: nextVersion } = await owner.prepareRotation(vaultId, []);
        const oldKey = owner.keyFor(vaultId, nextVersion - 1);
        const pending = owner.submitRotation(vaultId, batch).then(
          (response) => String(response.status),
          () => "no answer",
        );
        const delay = Math.floor(Math.random() * (MAX_KILL_DELAY_MS + 1));
        await sleep(delay);
        await server.kill();
        const answer = await pending;

        server = await start({
          kind,
          port,
          dataDirectory: server.dataDirectory,
          databaseUrl: server.databaseUrl,
        });
        // The session survives the restart (its row and the signing secret are in the data), but
        // a fresh sign-in keeps this test independent of that.
        owner = await VaultClient.signIn(server.url, owner.credentials);

        const opened = await owner.openVault(vaultId);
        const committed = opened.keyVersion === nextVersion;
        outcomes.push(`${delay}ms:${answer}:${committed ? "new" : "old"}`);
        expect([nextVersion - 1, nextVersion]).toContain(opened.keyVersion);
        if (answer === "200") expect(committed).toBe(true);
        expect(opened.key).toEqual(committed ? newKey : oldKey);
        expect(opened.name).toBe("Crash test");
        expect(opened.items).toHaveLength(ITEM_COUNT);
        expect(opened.items.every((item) => item.keyVersion === opened.keyVersion)).toBe(true);
        const history = await owner.api.request(`/api/v1/vaults/${vaultId}/revisions`);
        const revisions = (
          history.body as {
            revisions: Array<{
              itemId: string;
              revision: number;
              keyVersion: number;
              ciphertext: string;
            }>;
          }
        ).revisions;
        expect(revisions).toHaveLength(ITEM_COUNT + EDITED_COUNT);
        for (const revision of revisions) {
          expect(revision.keyVersion).toBe(opened.keyVersion);
          decryptItem(opened.key, revision.ciphertext, {
            vaultId,
            itemId: revision.itemId,
            keyVersion: revision.keyVersion,
            revision: revision.revision,
          });
        }
      }
      console.info(`[vault-crash] ${kind}: ${outcomes.join(", ")}`);
    },
  );
});
