// `npm run cli:build`: bundles cli/ (with lib/sdk, lib/crypto, lib/api, libsodium, zod and
// commander) into one ES module that runs with a bare `node` 20+ and no node_modules beside it.
import { build } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outfile = path.join(root, "dist/cli/coffer.mjs");

await build({
  absWorkingDir: root,
  entryPoints: ["cli/main.ts"],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  tsconfig: path.join(root, "tsconfig.json"),
  legalComments: "none",
  logLevel: "warning",
  // Bundled CommonJS dependencies may still call require() for Node built-ins.
  banner: {
    js: [
      "#!/usr/bin/env node",
      'import { createRequire as __cofferCreateRequire } from "node:module";',
      "const require = __cofferCreateRequire(import.meta.url);",
    ].join("\n"),
  },
});
fs.chmodSync(outfile, 0o755);
