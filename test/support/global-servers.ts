// Vitest global setup for integration tests: one Coffer per database engine, each with an
// organisation and owner made through the real protocol. PostgreSQL is required under CI;
// elsewhere it is skipped with a notice when no server answers.
import type { TestProject } from "vitest/node";
import { ApiClient, makeAccount } from "./protocol-client";
import {
  dropPostgresDatabase,
  postgresAvailable,
  startServer,
  type RunningServer,
  type ServerInfo,
} from "./server";
import { toBase64Url } from "../../lib/crypto";

export interface TestServer extends ServerInfo {
  owner: { email: string; password: string; secretKey: string; userId: string };
}

declare module "vitest" {
  export interface ProvidedContext {
    servers: TestServer[];
  }
}

export default async function setup(project: TestProject) {
  const running: RunningServer[] = [];
  const kinds: Array<"pglite" | "postgresql"> = ["pglite"];
  if (await postgresAvailable()) kinds.push("postgresql");
  else if (process.env.CI) throw new Error("PostgreSQL at 127.0.0.1:5432 is required under CI");
  else
    console.warn(
      "\n  PostgreSQL is not reachable at 127.0.0.1:5432: its integration runs are skipped.\n",
    );

  const servers: TestServer[] = [];
  // COFFER_TEST_PORT_BASE moves the shared servers when 3201/3202 are taken on this machine.
  let port = Number(process.env.COFFER_TEST_PORT_BASE ?? 3201);
  for (const kind of kinds) {
    const server = await startServer({
      kind,
      port: port++,
      // Every API answer carries its SQL statement count (test/integration/statement-count.test.ts).
      env: { COFFER_SIGNIN_LIMIT_ACCOUNT: "5", COFFER_COUNT_STATEMENTS: "1" },
    });
    running.push(server);
    const { account, secrets } = await makeAccount({
      email: "owner@example.test",
      name: "Olive Owner",
      password: "correct horse battery staple",
    });
    const client = new ApiClient(server.url);
    const created = await client.request("/api/v1/setup", {
      json: { organizationName: "Example Ltd", account },
    });
    if (created.status !== 201) throw new Error(`setup failed: ${JSON.stringify(created.body)}`);
    servers.push({
      kind: server.kind,
      url: server.url,
      dataDirectory: server.dataDirectory,
      logFile: server.logFile,
      databaseUrl: server.databaseUrl,
      owner: { ...secrets, secretKey: toBase64Url(secrets.secretKey) },
    });
  }
  project.provide("servers", servers);

  return async () => {
    for (const server of running) {
      await server.stop();
      if (server.databaseUrl) await dropPostgresDatabase(server.databaseUrl);
    }
  };
}
