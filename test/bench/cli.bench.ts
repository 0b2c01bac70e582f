// The command line, spawned as a user runs it (the built one-file CLI, a fresh Node each time):
// - cli.run_overhead_ms: median wall time of `coffer run -- node -e 0` with a 50-secret vault on
//   PostgreSQL, minus that of `node -e 0` alone, the two interleaved in the same run;
// - cli.read_p50_ms: median wall time of `coffer read` of one reference.
import { spawnSync } from "node:child_process";
import { encryptItem, getSodium } from "../../lib/crypto";
import { buildCli, CLI_PATH, cleanEnv, envFileItem } from "../support/cli";
import { ApiClient, makeAccount } from "../support/protocol-client";
import { dropPostgresDatabase, startServer } from "../support/server";
import { createServiceAccount, grantServiceAccount, mintToken } from "../support/service-accounts";
import { randomId, VaultClient } from "../support/vault-client";
import { percentile, type BenchResult } from "./report";

const secretCount = 50;
const samples = 15;

async function seededServer() {
  const server = await startServer({ kind: "postgresql", port: 3470 });
  const { account, secrets } = await makeAccount({
    email: "cli@example.test",
    name: "CLI Bench",
    password: "cli benchmark password",
  });
  const setUp = await new ApiClient(server.url).request("/api/v1/setup", {
    json: { organizationName: "Bench", account },
  });
  if (setUp.status !== 201) throw new Error(`setup failed: ${JSON.stringify(setUp.body)}`);
  const owner = await VaultClient.signIn(server.url, secrets);
  const { vaultId, key } = await owner.createVault("Deploy", "production");
  for (let index = 0; index < secretCount; index++) {
    const itemId = randomId();
    const plaintext = envFileItem(`service-${index}.env`, {
      [`SECRET_${index}`]: `value-${index}-${randomId()}`,
    });
    const ciphertext = encryptItem(key, plaintext, { vaultId, itemId, keyVersion: 1, revision: 1 });
    await owner.api.request(`/api/v1/vaults/${vaultId}/items`, {
      json: { id: itemId, keyVersion: 1, ciphertext },
    });
  }
  const machine = await createServiceAccount(owner, {
    name: "cli-bench",
    maxTokenTtlSeconds: 86_400,
  });
  await grantServiceAccount(owner, machine, vaultId, "read");
  const { token } = await mintToken(owner, machine, { ttlSeconds: 86_400 });
  return { server, token };
}

function wallMs(args: string[], env: Record<string, string>): number {
  const started = performance.now();
  // Next's type augmentation makes NODE_ENV a required key of ProcessEnv; the CLI needs none.
  const result = spawnSync(process.execPath, args, { env: env as NodeJS.ProcessEnv });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  return elapsed;
}

export async function cliBenchmarks(): Promise<BenchResult[]> {
  await getSodium();
  buildCli();
  const { server, token } = await seededServer();
  try {
    const env = cleanEnv({ COFFER_URL: server.url, COFFER_TOKEN: token });
    const run = [CLI_PATH, "run", "--", process.execPath, "-e", "0"];
    const bare = ["-e", "0"];
    const read = [CLI_PATH, "read", "coffer://Deploy/service-0.env/SECRET_0"];
    wallMs(run, env);
    wallMs(bare, env);
    const withCoffer: number[] = [];
    const alone: number[] = [];
    const reads: number[] = [];
    for (let index = 0; index < samples; index++) {
      withCoffer.push(wallMs(run, env));
      alone.push(wallMs(bare, env));
      reads.push(wallMs(read, env));
    }
    const runMedian = percentile(withCoffer, 0.5);
    const bareMedian = percentile(alone, 0.5);
    return [
      {
        id: "cli.run_overhead_ms",
        value: runMedian - bareMedian,
        unit: "ms",
        budget: 400,
        baseline: 0,
        note: `coffer run -- node -e 0, ${secretCount}-secret vault on PostgreSQL: ${Math.round(runMedian)} ms vs ${Math.round(bareMedian)} ms for node -e 0 alone (medians of ${samples})`,
      },
      {
        id: "cli.read_p50_ms",
        value: percentile(reads, 0.5),
        unit: "ms",
        budget: 500,
        note: `coffer read of one reference, a fresh process each time (median of ${samples})`,
      },
    ];
  } finally {
    await server.stop();
    await dropPostgresDatabase(server.databaseUrl!);
  }
}
