// Generates the Prisma client after install. Generation itself is WASM, but Prisma's CLI
// insists on a schema-engine binary path; any existing file satisfies it, which avoids a
// download that our environments cannot make.
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, CHECKPOINT_DISABLE: "1" },
});
process.exit(result.status ?? 1);
