// Whether the production build is older than what it was built from. `npm start` rebuilds a
// stale build rather than serve code that no longer matches the checkout. The check compares
// modification times only (a few thousand stat calls, a few milliseconds), so every start can
// afford it, and a build that is current is never rebuilt.
import fs from "node:fs";
import path from "node:path";

/** What `next build` reads: the app's source and the files that decide how it is built. */
export const buildInputs = {
  directories: ["app", "components", "lib", "public"],
  files: [
    "next.config.js",
    "package-lock.json",
    "proxy.ts",
    "instrumentation.ts",
    "instrumentation-client.ts",
    "postcss.config.mjs",
  ],
};

/**
 * Why the build must be made again, or null when it is current. `buildTimeMs` is the time
 * BUILD_ID was written (undefined when there is no build); `sources` the build's inputs.
 */
export function rebuildReason(buildTimeMs, sources) {
  if (buildTimeMs === undefined) return "no production build found";
  for (const source of sources) {
    if (source.mtimeMs > buildTimeMs) return `${source.path} changed after the last build`;
  }
  return null;
}

/** The time the build in `distDir` was finished, or undefined when there is none. */
export function buildTime(root, distDir) {
  try {
    return fs.statSync(path.resolve(root, distDir, "BUILD_ID")).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Every input of the build under `root`, with its modification time. */
export function listSources(root, inputs = buildInputs) {
  const sources = [];
  const visit = (relative) => {
    let stat;
    try {
      stat = fs.statSync(path.join(root, relative));
    } catch {
      return; // An optional input (public/, instrumentation-client.ts) that is not there.
    }
    // A directory's own time changes when a file in it is removed or renamed.
    sources.push({ path: relative, mtimeMs: stat.mtimeMs });
    if (!stat.isDirectory()) return;
    for (const entry of fs.readdirSync(path.join(root, relative))) {
      if (entry.startsWith(".") || entry === "node_modules") continue;
      visit(path.join(relative, entry));
    }
  };
  for (const input of [...inputs.directories, ...inputs.files]) visit(input);
  return sources;
}
