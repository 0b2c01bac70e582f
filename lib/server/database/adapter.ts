import "server-only";
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { acquireDataDirectoryLock } from "./pglite-lock";

export type DatabaseKind = "pglite" | "postgresql";

export interface DatabaseConnection {
  kind: DatabaseKind;
  adapter: SqlMigrationAwareDriverAdapterFactory;
  /**
   * One statement on the driver itself, beside Prisma and on the same pool or database: for the
   * few reads every request makes (docs/decisions/0068). Rows come back as objects; timestamps
   * as UTC `Date`s, as Prisma reads them; arrays as arrays; no int8 column is read this way.
   */
  query<Row>(text: string, values: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

const timestampOid = 1114;

// Prisma's `DateTime` columns are `timestamp(3)` without a zone, holding UTC. pg and PGlite
// would both read one as local time.
const utcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);

// The other way, a Date goes as its UTC ISO text: pg would send local time with an offset,
// which a zoneless column drops.
const driverValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === timestampOid && format !== "binary"
      ? utcTimestamp
      : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

// Process-wide, not module-wide: scripts/serve.ts and the Next.js build each carry their own copy
// of this module, and both must see the one connection the process has.
const slot = globalThis as typeof globalThis & {
  cofferSharedConnection?: DatabaseConnection;
  cofferOpenPglite?: Set<string>;
};

/** Hands the connection scripts/serve.ts opened (and migrated) to the app in the same process. */
export function shareConnection(connection: DatabaseConnection) {
  slot.cofferSharedConnection = connection;
}

/** The connection the server opened before the app started, if it did (not under `next dev`). */
export function sharedConnection(): DatabaseConnection | undefined {
  return slot.cofferSharedConnection;
}

/**
 * The only place that knows which engine is in use: PostgreSQL when DATABASE_URL is set,
 * otherwise embedded PGlite under the data directory.
 */
export async function openDatabase(options: {
  databaseUrl?: string;
  dataDirectory: string;
}): Promise<DatabaseConnection> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl });
    // An idle connection the database closed (a restart, a dropped database) is an event, not
    // a crash: the pool discards it and the next statement opens a fresh one.
    pool.on("error", () => {});
    return {
      kind: "postgresql",
      adapter: new PrismaPg(pool),
      query: async <Row>(text: string, values: unknown[]) =>
        (await pool.query({ text, values: values.map(driverValue), types: pgTypes })).rows as Row[],
      close: () => pool.end(),
    };
  }
  const directory = path.resolve(options.dataDirectory, "pglite");
  // A second open in one process would pass the lock file (it holds this pid) and load a
  // second Postgres over the same files: refuse it, so a path that forgets the shared
  // connection fails loudly instead of doubling memory and risking the data.
  const open = (slot.cofferOpenPglite ??= new Set());
  if (open.has(directory)) {
    throw new Error(`The PGlite database in ${directory} is already open in this process.`);
  }
  const release = acquireDataDirectoryLock(path.resolve(options.dataDirectory));
  open.add(directory);
  const forget = () => {
    open.delete(directory);
    release();
  };
  try {
    if (!fs.existsSync(path.join(directory, "PG_VERSION"))) await initialiseCluster(directory);
    const pglite = await PGlite.create(directory);
    // PGlite has no autovacuum, so its tables are never analysed and the planner guesses a
    // vault holds a couple of dozen items: with the default random-page cost it then reads
    // every item of the vault and sorts them for each page, where an index range reads only
    // the page. Its files sit on local disk under one process, so a random read costs about
    // what a sequential one does, the setting PostgreSQL suggests for SSDs (docs/decisions/0072).
    await pglite.exec("SET random_page_cost = 1.1");
    return {
      kind: "pglite",
      adapter: new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory,
      query: async <Row>(text: string, values: unknown[]) =>
        (
          await pglite.query<Row>(text, values.map(driverValue), {
            parsers: { [timestampOid]: utcTimestamp },
          })
        ).rows,
      close: async () => {
        await pglite.close();
        forget();
      },
    };
  } catch (error) {
    forget();
    throw error;
  }
}

/**
 * Where the empty cluster made by the machine's first initdb is kept, by PGlite's version (a
 * cluster is only valid for the Postgres build that wrote it), or null when PGlite's package
 * cannot be placed.
 */
function emptyClusterTemplate(pgliteEntry: string): string | null {
  const marker = `${path.sep}node_modules${path.sep}`;
  const modules = pgliteEntry.slice(0, pgliteEntry.lastIndexOf(marker) + marker.length);
  if (!modules.endsWith(marker)) return null;
  const manifest = path.join(modules, "@electric-sql", "pglite", "package.json");
  try {
    const { version } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { version?: string };
    if (!version) return null;
    return path.join(modules, ".cache", "coffer", `pglite-${version}-empty-cluster`);
  } catch {
    return null;
  }
}

/**
 * Creates an empty PGlite cluster in `directory`. After the first on a machine, it is a copy of
 * the empty cluster that one left behind (a cleanly shut-down data directory copies like any
 * file tree): a fraction of a second instead of six. The first runs initdb in a short-lived
 * process of its own (scripts/pglite-initialise.mjs): initdb loads a second WebAssembly program
 * whose memory a process never gives back (about 450 MiB of resident memory), and the server
 * should not carry it for as long as it runs. The caller holds the data directory lock.
 */
async function initialiseCluster(directory: string) {
  const pgliteEntry = createRequire(path.join(process.cwd(), "package.json")).resolve(
    "@electric-sql/pglite",
  );
  const template = emptyClusterTemplate(pgliteEntry);
  if (template && fs.existsSync(path.join(template, "PG_VERSION"))) {
    fs.cpSync(template, directory, { recursive: true });
    return;
  }
  const script = path.join(process.cwd(), "scripts", "pglite-initialise.mjs");
  const child = spawn(
    process.execPath,
    [script, pgliteEntry, directory, ...(template ? [template] : [])],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) {
    throw new Error(`Could not create the PGlite database in ${directory}: ${errors.trim()}`);
  }
}
