// The audit log is hash-chained: editing or deleting any row is detected, both by the admin
// API and by `npm run audit:verify`.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, makeAccount } from "../support/protocol-client";
import {
  dropPostgresDatabase,
  postgresAvailable,
  startServer,
  type RunningServer,
} from "../support/server";

type Sql = (statement: string) => Promise<void>;

function runVerifyScript(env: Record<string, string>) {
  const result = spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/audit-verify.ts"],
    { env: { ...process.env, DATABASE_URL: "", ...env }, encoding: "utf8" },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function populate(server: RunningServer) {
  const { account, secrets } = await makeAccount({
    email: "auditor@example.test",
    name: "Audrey",
    password: "audit chain password",
  });
  const client = new ApiClient(server.url);
  await client.request("/api/v1/setup", { json: { organizationName: "Audit", account } });
  await client.signIn(secrets);
  for (const email of ["a@example.test", "b@example.test", "c@example.test"]) {
    await client.request("/api/v1/invites", { json: { email, role: "member" } });
  }
  return client;
}

const engines = [
  { kind: "pglite" as const, port: 3230 },
  { kind: "postgresql" as const, port: 3231 },
];

describe.each(engines)("audit chain on $kind", ({ kind, port }) => {
  let server: RunningServer | undefined;
  let admin: ApiClient;
  let available = true;

  beforeAll(async () => {
    if (kind === "postgresql" && !(await postgresAvailable())) {
      if (process.env.CI) throw new Error("PostgreSQL is required under CI");
      available = false;
      return;
    }
    server = await startServer({ kind, port });
    admin = await populate(server);
  });

  afterAll(async () => {
    await server?.stop();
    if (server?.databaseUrl) await dropPostgresDatabase(server.databaseUrl);
  });

  it("records security events in order, and admins can filter them", async (context) => {
    if (!available) return context.skip();
    const all = await admin.request("/api/v1/audit");
    const events = (all.body as { events: Array<{ seq: number; action: string }> }).events;
    // Each invite starts its onboarding checklist.
    expect(events.map((event) => event.action).reverse()).toEqual([
      "org.setup",
      "auth.signin",
      "invite.create",
      "checklist.start",
      "invite.create",
      "checklist.start",
      "invite.create",
      "checklist.start",
    ]);
    const filtered = await admin.request("/api/v1/audit?action=invite.");
    expect((filtered.body as { events: unknown[] }).events).toHaveLength(3);
    const bad = await admin.request("/api/v1/audit?limit=5000");
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { field: string } }).error.field).toBe("limit");
    const csv = await admin.request("/api/v1/audit/export?format=csv&action=invite.");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/attachment; filename="coffer-audit-/);
    const lines = String(csv.body).trim().split("\n");
    expect(lines[0]).toBe(
      "seq,at,action,actorKind,actorId,actor,targetType,targetId,target,vaultId,ipAddress,details",
    );
    expect(lines.slice(1).every((line) => line.includes(",invite.create,"))).toBe(true);
    expect(lines).toHaveLength(4);
    const json = await admin.request("/api/v1/audit/export?format=json");
    expect((json.body as { events: unknown[] }).events).toHaveLength(8);
    const signedOut = await new ApiClient(server!.url).request("/api/v1/audit/export");
    expect(signedOut.status).toBe(401);
    const verified = await admin.request("/api/v1/audit/verify", { method: "POST" });
    expect(verified.body).toEqual({ ok: true, checked: 8 });
  });

  it("detects an edited row, then a deleted row", async (context) => {
    if (!available || !server) return context.skip();
    let sql: Sql;
    let finish: () => Promise<void>;
    if (kind === "postgresql") {
      const client = new pg.Client({ connectionString: server.databaseUrl });
      await client.connect();
      sql = async (statement) => void (await client.query(statement));
      finish = () => client.end();
    } else {
      // PGlite admits one process: stop the server, tamper, and check with the script.
      await server.stop();
      const database = new PGlite(path.join(server.dataDirectory, "pglite"));
      sql = async (statement) => void (await database.exec(statement));
      finish = () => database.close();
    }
    const verify = async (): Promise<{ ok: boolean; problem?: unknown; output?: string }> => {
      if (kind === "postgresql") {
        const response = await admin.request("/api/v1/audit/verify", { method: "POST" });
        return response.body as { ok: boolean; problem?: unknown };
      }
      await finish();
      const result = runVerifyScript({ COFFER_DATA_DIR: server!.dataDirectory });
      const database = new PGlite(path.join(server!.dataDirectory, "pglite"));
      sql = async (statement) => void (await database.exec(statement));
      finish = () => database.close();
      return { ok: result.status === 0, output: result.output };
    };

    await sql(`UPDATE "AuditEvent" SET "details" = '{"role":"admin"}' WHERE "seq" = 3`);
    const edited = await verify();
    expect(edited.ok).toBe(false);
    if (kind === "postgresql") expect(edited.problem).toEqual({ kind: "edited", seq: 3 });
    else expect(JSON.stringify(edited)).toContain("event 3 was edited");

    await sql(`UPDATE "AuditEvent" SET "details" = '{"role":"member"}' WHERE "seq" = 3`);
    await sql(`DELETE FROM "AuditEvent" WHERE "seq" = 4`);
    const deleted = await verify();
    expect(deleted.ok).toBe(false);
    if (kind === "postgresql") {
      expect(deleted.problem).toEqual({ kind: "missing", afterSeq: 3, expectedSeq: 4 });
    } else {
      expect(JSON.stringify(deleted)).toContain("event 4 is missing");
    }
    await finish();
  });
});
