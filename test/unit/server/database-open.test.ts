// PGlite is opened once per process: the server migrates through the connection it then hands
// to the app. A second open of the same directory in one process must fail loudly, since the
// lock file (which holds this pid) cannot catch it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { openDatabase, shareConnection, sharedConnection } =
  await import("@/lib/server/database/adapter");

describe("openDatabase on PGlite", () => {
  it("refuses a second open of a directory this process holds, and allows it once closed", async () => {
    const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-open-once-"));
    try {
      const first = await openDatabase({ dataDirectory });
      await expect(openDatabase({ dataDirectory })).rejects.toThrow(
        "is already open in this process",
      );
      await first.close();
      const again = await openDatabase({ dataDirectory });
      await again.close();
    } finally {
      fs.rmSync(dataDirectory, { recursive: true, force: true });
    }
  }, 240_000);

  it("makes each fresh directory its own cluster, later ones copied from the kept empty one", async () => {
    const first = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-cluster-a-"));
    const second = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-cluster-b-"));
    const templates = path.join(process.cwd(), "node_modules", ".cache", "coffer");
    try {
      const a = await openDatabase({ dataDirectory: first });
      await a.query(`CREATE TABLE "OnlyInA" ("id" int)`, []);
      await a.close();
      // The first initdb on this machine (or an earlier one) left the empty cluster behind.
      const kept = fs.readdirSync(templates).filter((name) => name.endsWith("-empty-cluster"));
      expect(kept).toHaveLength(1);
      const b = await openDatabase({ dataDirectory: second });
      const tables = await b.query<{ name: string }>(
        `SELECT tablename AS "name" FROM pg_tables WHERE schemaname = 'public'`,
        [],
      );
      await b.close();
      expect(tables).toEqual([]);
      expect(fs.existsSync(path.join(second, "pglite", "PG_VERSION"))).toBe(true);
    } finally {
      fs.rmSync(first, { recursive: true, force: true });
      fs.rmSync(second, { recursive: true, force: true });
    }
  }, 240_000);

  it("hands the server's connection to every copy of the module in the process", async () => {
    const connection = {
      kind: "postgresql" as const,
      adapter: {} as never,
      query: async () => [],
      close: async () => {},
    };
    shareConnection(connection);
    vi.resetModules();
    const copy = await import("@/lib/server/database/adapter");
    expect(copy.sharedConnection()).toBe(connection);
    expect(sharedConnection()).toBe(connection);
  });
});
