// `npm start`: build when no production build exists, apply pending migrations, then serve
// (scripts/serve.ts). Migrations run here, before Next.js starts, and close the database again:
// PGlite allows a single process in its directory at a time.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "../lib/server/database/adapter";
import { applyMigrations } from "../lib/server/database/migrate";

const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const tsxCli = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
const port = process.env.PORT ?? "3000";
process.env.COFFER_URL ??= `http://localhost:${port}`;
process.env.NEXTAUTH_URL ??= process.env.COFFER_URL;

function buildIfNeeded() {
  const distDir = process.env.COFFER_DIST_DIR || ".next";
  if (fs.existsSync(path.join(process.cwd(), distDir, "BUILD_ID"))) return;
  console.log("No production build found: building Coffer (this takes a minute)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function migrate() {
  const connection = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDirectory: process.env.COFFER_DATA_DIR || ".data",
  });
  try {
    const applied = await applyMigrations(connection.adapter);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  } finally {
    await connection.close();
  }
}

async function main() {
  // A bad setting stops start-up here, naming the variable, before anything is built or served.
  await import("../lib/server/env");
  buildIfNeeded();
  await migrate();
  // Without the react-server condition this process runs under: Next.js renders pages with
  // the full React, and the condition is only for lib/server code bundled into the build.
  const server = spawn(process.execPath, [tsxCli, path.join("scripts", "serve.ts")], {
    stdio: "inherit",
    env: process.env,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => server.kill(signal));
  }
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
