// Starts Coffer the way `npm start` does (scripts/start.mjs: one process that migrates and
// serves) on a port of its own, against a fresh PGlite directory or a fresh PostgreSQL database, and
// keeps everything the server prints in a log file for the tests to inspect.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type DatabaseKind = "pglite" | "postgresql";

export interface ServerInfo {
  kind: DatabaseKind;
  url: string;
  dataDirectory: string;
  logFile: string;
  databaseUrl?: string;
}

export interface RunningServer extends ServerInfo {
  stop(): Promise<void>;
  /**
   * SIGKILL for the whole server: with `detached`, its process group (the server and anything
   * it spawned); otherwise only the server process. Resolves once it exited.
   */
  kill(): Promise<void>;
  process: ChildProcess;
}

export const postgresAdminUrl =
  process.env.COFFER_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: postgresAdminUrl,
    connectionTimeoutMillis: 2000,
  });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A new, empty PostgreSQL database on the test server; returns its connection string. */
export async function createPostgresDatabase(prefix = "coffer_test"): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropPostgresDatabase(databaseUrl: string) {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The node arguments of `npm start`, from package.json, so the tests run what operators run. */
function startArguments(): string[] {
  const { scripts } = JSON.parse(fs.readFileSync("package.json", "utf8")) as {
    scripts: { start: string };
  };
  const [command, ...rest] = scripts.start.split(" ");
  if (command !== "node") throw new Error(`npm start is not a node command: ${scripts.start}`);
  return rest;
}

export async function startServer(options: {
  kind: DatabaseKind;
  port: number;
  env?: Record<string, string>;
  databaseUrl?: string;
  dataDirectory?: string;
  /** Own process group, so `kill()` takes down anything the server spawned too (crash tests). */
  detached?: boolean;
  /**
   * The host browsers use. WebAuthn refuses an IP address as relying-party id, so specs with
   * security keys serve the app as `localhost` (the server still listens on 127.0.0.1).
   */
  publicHost?: "127.0.0.1" | "localhost";
}): Promise<RunningServer> {
  const dataDirectory =
    options.dataDirectory ?? fs.mkdtempSync(path.join(os.tmpdir(), `coffer-${options.kind}-`));
  const databaseUrl =
    options.kind === "postgresql"
      ? (options.databaseUrl ?? (await createPostgresDatabase()))
      : undefined;
  const url = `http://${options.publicHost ?? "127.0.0.1"}:${options.port}`;
  const logFile = path.join(dataDirectory, "server.log");
  const log = fs.openSync(logFile, "a");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(options.port),
    HOSTNAME: "127.0.0.1",
    COFFER_URL: url,
    NEXTAUTH_URL: url,
    COFFER_DATA_DIR: dataDirectory,
    // Every test client comes from 127.0.0.1: per-address limits would count the whole suite as
    // one visitor. The tests of those limits set their own.
    COFFER_SIGNIN_LIMIT_ADDRESS: "100000",
    COFFER_SHARE_LIMIT_ADDRESS: "100000",
    // The test run builds once before it starts servers, and the working tree may change while
    // they run: a server must serve that build, not start rebuilding under the others.
    COFFER_BUILD_CHECK: "off",
    ...options.env,
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  // A process group of its own, so that stopping the server stops anything it spawned too
  // (a `next build` of a missing build, a test's own helpers).
  const detached = options.detached ?? true;
  const child = spawn(process.execPath, startArguments(), {
    cwd: process.cwd(),
    env,
    stdio: ["ignore", log, log],
    detached,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signalAll = (signal: NodeJS.Signals) => {
    try {
      if (detached && child.pid) process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      // Already gone.
    }
  };
  let logClosed = false;
  const closeLog = () => {
    if (!logClosed) fs.closeSync(log);
    logClosed = true;
  };
  // The server's exit does not mean its group is gone: wait until nothing of it is left
  // (reaped, not just dead), or the port and the PGlite lock may still be held.
  const groupGone = async (timeoutMs = 10_000) => {
    if (!detached || !child.pid) return true;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      try {
        process.kill(-child.pid, 0);
      } catch {
        return true;
      }
      await sleep(50);
    }
    return false;
  };
  let stopped = false;
  const info: ServerInfo = { kind: options.kind, url, dataDirectory, logFile, databaseUrl };
  await waitForHealth(url, child, logFile);
  return {
    ...info,
    process: child,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        signalAll("SIGTERM");
        await Promise.race([exited, sleep(10_000)]);
        if (child.exitCode === null && child.signalCode === null) signalAll("SIGKILL");
      }
      if (!(await groupGone())) signalAll("SIGKILL");
      await groupGone();
      closeLog();
    },
    async kill() {
      signalAll("SIGKILL");
      await exited;
      // The server's exit does not mean its group is gone: wait until nothing of it is left
      // (reaped, not just dead), or a restart finds the PGlite lock still held.
      await groupGone();
      closeLog();
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Coffer exited early:\n${fs.readFileSync(logFile, "utf8").slice(-3000)}`);
    }
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  throw new Error(`Coffer did not become healthy at ${url}`);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
