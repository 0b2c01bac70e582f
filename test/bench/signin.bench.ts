// Sign-in round trip without the KDF: challenge, signature, next-auth credentials callback
// (proof check, challenge consumption, session row). Baseline: the health check, one trivial
// request to the same server, so the figure can be read against the HTTP stack's own cost.
import { ApiClient, makeAccount } from "../support/protocol-client";
import { dropPostgresDatabase, postgresAvailable, startServer } from "../support/server";
import { percentile, type BenchResult } from "./report";

const rounds = 60;

export async function signInBenchmarks(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const kinds: Array<"pglite" | "postgresql"> = ["pglite"];
  if (await postgresAvailable()) kinds.push("postgresql");
  let port = 3401;
  for (const kind of kinds) {
    const server = await startServer({ kind, port: port++ });
    try {
      const { account, secrets } = await makeAccount({
        email: "bench@example.test",
        name: "Bench",
        password: "benchmark password",
      });
      const setup = new ApiClient(server.url);
      await setup.request("/api/v1/setup", { json: { organizationName: "Bench", account } });
      const { loginPrivateKey } = await setup.proofFor(secrets);

      const signIn: number[] = [];
      const health: number[] = [];
      for (let round = 0; round < rounds + 5; round++) {
        const client = new ApiClient(server.url);
        const started = performance.now();
        const challenge = await client.challenge();
        const signature = client.signChallenge(loginPrivateKey, secrets.email, challenge);
        const result = await client.submitProof({ email: secrets.email, ...challenge, signature });
        const elapsed = performance.now() - started;
        if (!result.signedIn) throw new Error("benchmark sign-in failed");
        const healthStarted = performance.now();
        await fetch(`${server.url}/api/v1/health`);
        const healthElapsed = performance.now() - healthStarted;
        // The first rounds warm up the server's route bundles and connections.
        if (round >= 5) {
          signIn.push(elapsed);
          health.push(healthElapsed);
        }
      }
      for (const [label, fraction] of [
        ["p50", 0.5],
        ["p95", 0.95],
      ] as const) {
        results.push({
          id: `signin.${label}_ms.${kind}`,
          value: percentile(signIn, fraction),
          unit: "ms",
          // The budget is for the median; the 95th percentile is recorded beside it.
          budget: label === "p50" ? 30 : undefined,
          baseline: percentile(health, fraction),
          note: `sign-in round trip without the KDF (challenge, CSRF token, credentials callback), ${rounds} runs; baseline: health check`,
        });
      }
    } finally {
      await server.stop();
      if (server.databaseUrl) await dropPostgresDatabase(server.databaseUrl);
    }
  }
  return results;
}
