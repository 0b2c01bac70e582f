// `npm start`: Coffer in one process, with npm as its only parent. It prepares, then becomes
// the server rather than supervising one: the server entry (scripts/serve.ts, bundled by
// scripts/bundle-server.mjs) is imported into this process, which validates the settings,
// rebuilds the production build if it is missing or stale, then opens the database once,
// migrates it and serves. Plain JavaScript on purpose: no tsx or esbuild process stays behind.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildTime, listSources, rebuildReason } from "./build-check.mjs";
import { ensureServerBundle } from "./bundle-server.mjs";

const root = process.cwd();
const port = process.env.PORT ?? "3000";
process.env.COFFER_URL ??= `http://localhost:${port}`;
process.env.NEXTAUTH_URL ??= process.env.COFFER_URL;
// What `next start` sets: without it React and Next.js load their development builds.
process.env.NODE_ENV ??= "production";

function buildIfNeeded() {
  const check = process.env.COFFER_BUILD_CHECK || "on";
  if (check !== "on" && check !== "off") {
    throw new Error("Coffer cannot start: COFFER_BUILD_CHECK must be on or off");
  }
  const distDir = process.env.COFFER_DIST_DIR || ".next";
  const builtAt = buildTime(root, distDir);
  // COFFER_BUILD_CHECK=off trusts an existing build as it is (a deployment that builds once,
  // a test run that built before starting its servers); a missing build is still made.
  const reason =
    check === "off" && builtAt !== undefined ? null : rebuildReason(builtAt, listSources(root));
  if (!reason) return;
  console.log(`Building Coffer (${reason}); this takes a minute or two…`);
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function main() {
  // Importing the server validates the settings: a bad one stops start-up here, naming the
  // variable, before anything is built or served.
  const server = await import(pathToFileURL(await ensureServerBundle(root)).href);
  buildIfNeeded();
  await server.serve();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
