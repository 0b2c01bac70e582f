// Creates an empty PGlite cluster in a data directory, run by lib/server/database/adapter.ts in
// a short-lived process of its own: initdb loads a second WebAssembly program whose memory a
// process never gives back, and the server should not carry it for as long as it runs.
//
// initdb takes about six seconds and writes the same empty cluster every time, so when given a
// template path, the cluster it made (shut down cleanly) is also copied there, for the adapter
// to copy into every later fresh data directory instead of running initdb again.
//
// Usage: node scripts/pglite-initialise.mjs <pglite entry> <data directory> [template]
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [entry, directory, template] = process.argv.slice(2);
const { PGlite } = createRequire(import.meta.url)(entry);

/** Copied beside its final name and renamed over it: servers starting at once may race. */
function keepTemplate() {
  if (fs.existsSync(template)) return;
  const partial = `${template}.${process.pid}.partial`;
  try {
    fs.mkdirSync(path.dirname(template), { recursive: true });
    fs.cpSync(directory, partial, { recursive: true });
    fs.renameSync(partial, template);
  } catch {
    // A read-only cache (or a race lost) only costs the next fresh directory its initdb.
    fs.rmSync(partial, { recursive: true, force: true });
  }
}

try {
  const db = await PGlite.create(directory);
  await db.close();
  if (template) keepTemplate();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
