// PGlite is single-process: a second Coffer process (here `db:migrate`) on a data directory in
// use must stop with a clear message before it touches the database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { ApiClient } from "../support/protocol-client";
import { ownerSecrets } from "../support/flows";

const pgliteServers = inject("servers").filter((server) => server.kind === "pglite");

describe.each(pgliteServers)("PGlite data directory lock on $kind", (server) => {
  it("refuses a second process and leaves the running server intact", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, COFFER_DATA_DIR: server.dataDirectory };
    delete env.DATABASE_URL;
    const migrate = spawnSync(
      process.execPath,
      [
        path.join("node_modules", "tsx", "dist", "cli.mjs"),
        "--conditions=react-server",
        "scripts/db.ts",
        "migrate",
      ],
      { cwd: process.cwd(), env, encoding: "utf8", timeout: 60_000 },
    );
    expect(migrate.status).not.toBe(0);
    expect(migrate.status).not.toBeNull();
    expect(migrate.stdout + migrate.stderr).toContain("in use by another Coffer process");

    const health = await fetch(`${server.url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true, db: "pglite" });
    const client = new ApiClient(server.url);
    expect((await client.signIn(ownerSecrets(server))).signedIn).toBe(true);
    expect((await client.request("/api/v1/account")).body).toMatchObject({
      email: server.owner.email,
    });
  });
});
