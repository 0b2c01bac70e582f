// What `npm start` costs the machine. Idle memory: the resident set of everything `npm start`
// leaves running once start-up settles (npm and the server, nothing else), against a bare
// node:http process. Fresh start: from `npm start` on an empty PGlite data directory (the
// build already made) until the health check answers, against a bare PGlite created in an
// empty directory, the part of a first start no server can skip.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  postgresAvailable,
  sleep,
} from "../support/server";
import { percentile, type BenchResult } from "./report";

const ports = { pglite: 3550, postgresql: 3551, bare: 3552 };
const freshStarts = 3;

interface ProcessEntry {
  pid: number;
  ppid: number;
  rssBytes: number;
  command: string;
}

function processTable(): ProcessEntry[] {
  const pageSize = 4096;
  const entries: ProcessEntry[] = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const command = fs.readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0").join(" ");
      entries.push({
        pid: Number(name),
        ppid: Number(fields[1]),
        rssBytes: Number(fields[21]) * pageSize,
        command: command.trim(),
      });
    } catch {
      // Exited while the table was read.
    }
  }
  return entries;
}

/** The process and every descendant of it, as they are now. */
function processTree(rootPid: number): ProcessEntry[] {
  const table = processTable();
  const tree = table.filter((entry) => entry.pid === rootPid);
  for (let index = 0; index < tree.length; index++) {
    tree.push(...table.filter((entry) => entry.ppid === tree[index]!.pid));
  }
  return tree;
}

const mib = (bytes: number) => bytes / 1024 / 1024;
const treeRss = (pid: number) => processTree(pid).reduce((sum, entry) => sum + entry.rssBytes, 0);

/** Resident memory once it stops moving: two samples two seconds apart within 2 %. */
async function settledRssMib(pid: number): Promise<number> {
  let previous = treeRss(pid);
  for (let round = 0; round < 15; round++) {
    await sleep(2000);
    const current = treeRss(pid);
    if (Math.abs(current - previous) <= previous * 0.02) return mib(current);
    previous = current;
  }
  return mib(previous);
}

async function waitForAnswer(url: string, child: ChildProcess, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(50);
  }
  throw new Error(`${url} did not answer`);
}

async function stopGroup(child: ChildProcess) {
  const gone = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    return;
  }
  await Promise.race([gone, sleep(10_000)]);
  try {
    process.kill(-child.pid!, "SIGKILL");
  } catch {
    // Already gone.
  }
}

interface Started {
  child: ChildProcess;
  startMs: number;
  url: string;
  logFile: string;
}

/** `npm start`, as an operator runs it, in a process group of its own. */
async function npmStart(options: { port: number; dataDirectory: string; databaseUrl?: string }) {
  const url = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    HOSTNAME: "127.0.0.1",
    COFFER_URL: url,
    NEXTAUTH_URL: url,
    COFFER_DATA_DIR: options.dataDirectory,
    // The bench measures a build made beforehand; edits in the checkout must not rebuild it.
    COFFER_BUILD_CHECK: "off",
  };
  delete env.DATABASE_URL;
  Reflect.deleteProperty(env, "NODE_ENV");
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const logFile = path.join(options.dataDirectory, "server.log");
  const log = fs.openSync(logFile, "a");
  const started = performance.now();
  const child = spawn("npm", ["start", "--silent"], {
    env,
    stdio: ["ignore", log, log],
    detached: true,
  });
  fs.closeSync(log);
  await waitForAnswer(`${url}/api/v1/health`, child);
  return { child, startMs: performance.now() - started, url, logFile } satisfies Started;
}

function describeTree(pid: number): string {
  return processTree(pid)
    .map(
      (entry) =>
        `${entry.command.split(" ").slice(0, 2).join(" ")} ${Math.round(mib(entry.rssBytes))}`,
    )
    .join(", ");
}

async function bareServerRssMib(): Promise<number> {
  const script = `require("node:http").createServer((q, s) => s.end("ok")).listen(${ports.bare}, "127.0.0.1")`;
  const child = spawn(process.execPath, ["-e", script], { stdio: "ignore", detached: true });
  try {
    await waitForAnswer(`http://127.0.0.1:${ports.bare}/`, child);
    return await settledRssMib(child.pid!);
  } finally {
    await stopGroup(child);
  }
}

/** A bare PGlite created in an empty directory and asked `SELECT 1`, in a process of its own. */
async function barePgliteMs(): Promise<number> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-bench-bare-pglite-"));
  const script =
    'const { PGlite } = require("@electric-sql/pglite");' +
    "PGlite.create(process.argv[1]).then(async (db) => { await db.query('SELECT 1'); await db.close(); });";
  try {
    const started = performance.now();
    const child = spawn(process.execPath, ["-e", script, path.join(directory, "pglite")], {
      stdio: "inherit",
    });
    const code = await new Promise((resolve) => child.once("exit", resolve));
    if (code !== 0) throw new Error("the bare PGlite process failed");
    return performance.now() - started;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

export async function serverBenchmarks(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const bareRss = await bareServerRssMib();

  // The machine's first fresh start runs initdb and keeps the empty cluster it made
  // (scripts/pglite-initialise.mjs); every later one loads that copy. Both are recorded.
  const templates = path.join("node_modules", ".cache", "coffer");
  fs.rmSync(templates, { recursive: true, force: true });
  const firstDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-bench-first-"));
  const first = await npmStart({ port: ports.pglite, dataDirectory: firstDirectory });
  await stopGroup(first.child);
  fs.rmSync(firstDirectory, { recursive: true, force: true });

  const startTimes: number[] = [];
  const pgliteRss: number[] = [];
  let pgliteTree = "";
  for (let round = 0; round < freshStarts; round++) {
    const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-bench-fresh-"));
    const server = await npmStart({ port: ports.pglite, dataDirectory });
    try {
      startTimes.push(server.startMs);
      pgliteRss.push(await settledRssMib(server.child.pid!));
      pgliteTree = describeTree(server.child.pid!);
    } finally {
      await stopGroup(server.child);
      fs.rmSync(dataDirectory, { recursive: true, force: true });
    }
  }
  const bareStarts: number[] = [];
  for (let round = 0; round < freshStarts; round++) bareStarts.push(await barePgliteMs());

  results.push({
    id: "start.fresh_pglite_ms",
    value: percentile(startTimes, 0.5),
    unit: "ms",
    budget: 10_000,
    baseline: percentile(bareStarts, 0.5),
    note: `npm start on an empty PGlite directory (build made) until /api/v1/health answers, median of ${freshStarts}, with the empty cluster the machine's first start kept; baseline: a bare PGlite created in an empty directory`,
  });
  results.push({
    id: "start.first_pglite_ms",
    value: first.startMs,
    unit: "ms",
    baseline: percentile(bareStarts, 0.5),
    note: "the same on a machine's very first start, which runs initdb and keeps the empty cluster for the starts after it (one run)",
  });
  results.push({
    id: "server.idle_rss_mib.pglite",
    value: percentile(pgliteRss, 0.5),
    unit: "MiB",
    baseline: bareRss,
    note: `resident memory of the whole npm start tree once settled after a fresh start (${pgliteTree} MiB); baseline: a bare node:http process`,
  });

  if (await postgresAvailable()) {
    const databaseUrl = await createPostgresDatabase("coffer_bench_server");
    const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-bench-postgresql-"));
    try {
      const server = await npmStart({ port: ports.postgresql, dataDirectory, databaseUrl });
      try {
        const rss = await settledRssMib(server.child.pid!);
        results.push({
          id: "server.idle_rss_mib.postgresql",
          value: rss,
          unit: "MiB",
          budget: 300,
          baseline: bareRss,
          note: `resident memory of the whole npm start tree once settled (${describeTree(server.child.pid!)} MiB); baseline: a bare node:http process`,
        });
      } finally {
        await stopGroup(server.child);
      }
    } finally {
      fs.rmSync(dataDirectory, { recursive: true, force: true });
      await dropPostgresDatabase(databaseUrl);
    }
  }
  return results;
}
