// The hot reads run on the driver itself, beside Prisma (docs/decisions/0068). Prisma's
// `DateTime` columns are zoneless timestamps holding UTC, and both drivers would read and write
// them as local time: on a server whose zone is not UTC, a session's expiry or a token's
// last use would be off by the offset. Each case runs with the process in New York's zone.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase } from "../support/server";

vi.mock("server-only", () => ({}));
const { openDatabase } = await import("@/lib/server/database/adapter");

type Connection = Awaited<ReturnType<typeof openDatabase>>;

const kinds = ["pglite", "postgresql"] as const;

describe.each(kinds)("the driver's own statements on %s", (kind) => {
  let connection: Connection;
  let dataDirectory: string;
  let databaseUrl: string | undefined;
  const zone = process.env.TZ;

  beforeAll(async () => {
    process.env.TZ = "America/New_York";
    dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-driver-"));
    databaseUrl = kind === "postgresql" ? await createPostgresDatabase() : undefined;
    connection = await openDatabase({ databaseUrl, dataDirectory });
    await connection.query(
      `CREATE TABLE "Stamp" ("id" text PRIMARY KEY, "at" timestamp(3) NOT NULL, "tags" text[] NOT NULL)`,
      [],
    );
  });

  afterAll(async () => {
    await connection?.close();
    if (databaseUrl) await dropPostgresDatabase(databaseUrl);
    fs.rmSync(dataDirectory, { recursive: true, force: true });
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it("writes a Date as UTC and reads it back as the same instant", async () => {
    const at = new Date("2026-07-01T12:34:56.789Z");
    expect(new Date(2026, 6, 1, 12).getTimezoneOffset()).toBe(240);
    await connection.query(`INSERT INTO "Stamp" VALUES ($1, $2, $3)`, ["a", at, []]);
    const [row] = await connection.query<{ at: Date; text: string }>(
      `SELECT "at", "at"::text AS "text" FROM "Stamp" WHERE "id" = $1`,
      ["a"],
    );
    expect(row?.text).toBe("2026-07-01 12:34:56.789");
    expect(row?.at).toBeInstanceOf(Date);
    expect(row?.at.toISOString()).toBe(at.toISOString());
  });

  it("reads a timestamp the database wrote as UTC, as Prisma does", async () => {
    await connection.query(
      `INSERT INTO "Stamp" VALUES ('b', TIMESTAMP '2026-01-02 03:04:05.006', '{}')`,
      [],
    );
    const [row] = await connection.query<{ at: Date }>(
      `SELECT "at" FROM "Stamp" WHERE "id" = 'b'`,
      [],
    );
    expect(row?.at.toISOString()).toBe("2026-01-02T03:04:05.006Z");
  });

  it("compares a Date parameter against a column in UTC", async () => {
    const rows = await connection.query<{ id: string }>(
      `SELECT "id" FROM "Stamp" WHERE "at" > $1 ORDER BY "id"`,
      [new Date("2026-07-01T12:00:00.000Z")],
    );
    // 'a' is 34 minutes after the bound; a bound sent as New York time would exclude it.
    expect(rows.map((row) => row.id)).toEqual(["a"]);
  });

  it("passes and reads text arrays and booleans", async () => {
    await connection.query(`INSERT INTO "Stamp" VALUES ($1, now(), $2::text[])`, [
      "c",
      ["10.0.0.0/8", "v,1"],
    ]);
    const [row] = await connection.query<{ tags: string[]; flag: boolean }>(
      `SELECT "tags", ($2 OR false) AS "flag" FROM "Stamp" WHERE "id" = $1`,
      ["c", true],
    );
    expect(row).toEqual({ tags: ["10.0.0.0/8", "v,1"], flag: true });
  });
});
