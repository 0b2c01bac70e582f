// `npm start` is one process (scripts/start.mjs): it migrates a fresh database through the
// connection it then serves with, on PGlite and on PostgreSQL, keeps nothing resident beside
// itself, and a restart on the same database applies nothing again.
import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import {
  dropPostgresDatabase,
  postgresAvailable,
  startServer,
  type DatabaseKind,
} from "../support/server";

const portBase = Number(process.env.COFFER_TEST_PORT_BASE ?? 3201) + 6;
const migrations = fs
  .readdirSync("prisma/migrations", { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const kinds: DatabaseKind[] = ["pglite"];
if (process.env.CI || (await postgresAvailable())) kinds.push("postgresql");

/** Processes whose parent is `pid`, from /proc. */
function childrenOf(pid: number): string[] {
  const children: string[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) children.push(fs.readFileSync(`/proc/${name}/cmdline`, "utf8"));
    } catch {
      // Exited while being read.
    }
  }
  return children;
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
const databaseUrls: string[] = [];

afterAll(async () => {
  for (const url of databaseUrls) await dropPostgresDatabase(url);
});

describe.each(kinds.map((kind, index) => ({ kind, port: portBase + index })))(
  "npm start on $kind",
  ({ kind, port }) => {
    it("migrates a fresh database and serves it from one process, with one open", async () => {
      const first = await startServer({ kind, port });
      if (first.databaseUrl) databaseUrls.push(first.databaseUrl);
      let log = "";
      try {
        const health = await fetch(`${first.url}/api/v1/health`);
        expect(health.status).toBe(200);
        expect(await health.json()).toEqual({ ok: true, db: kind });
        // A page renders through the app's own database access too.
        expect((await fetch(`${first.url}/signin`)).status).toBe(200);

        // The process the test started is the server: no tsx, no supervisor, no child left.
        const pid = first.process.pid!;
        const command = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        expect(command.slice(0, 1)).toEqual([process.execPath]);
        expect(command.slice(-2)).toEqual(["scripts/start.mjs", ""]);
        expect(childrenOf(pid)).toEqual([]);

        log = fs.readFileSync(first.logFile, "utf8");
        // Opened once: the app serves through the connection the migrations used (a second
        // open of PGlite in the process would fail every request that reaches the database).
        expect(count(log, new RegExp(`^Opened the ${kind} database`, "gm"))).toBe(1);
        const applied = /^Applied migrations: (.*)$/m.exec(log)?.[1]?.split(", ");
        expect(applied).toEqual(migrations);
      } finally {
        await first.stop();
      }

      const again = await startServer({
        kind,
        port,
        dataDirectory: first.dataDirectory,
        databaseUrl: first.databaseUrl,
      });
      try {
        expect((await fetch(`${again.url}/api/v1/health`)).status).toBe(200);
        const restartLog = fs.readFileSync(again.logFile, "utf8").slice(log.length);
        expect(count(restartLog, new RegExp(`^Opened the ${kind} database`, "gm"))).toBe(1);
        expect(restartLog).not.toContain("Applied migrations");
      } finally {
        await again.stop();
      }
    });
  },
);
