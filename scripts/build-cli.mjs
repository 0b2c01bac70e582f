// `npm run cli:build`: bundles cli/ (with lib/sdk, lib/crypto, lib/api, libsodium, zod and
// commander) into one ES module that runs with a bare `node` 20+ and no node_modules beside it.
// Start-up is most of a command's wall time, so the bundle is minified and carries only zod's
// English messages (decision 0036).
import { build } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outfile = path.join(root, "dist/cli/coffer.mjs");

// zod's namespace re-exports every locale (about 300 KB of the bundle), and no tree-shaking
// can drop a namespace that `z` itself re-exports. Nothing here calls z.config(z.locales.xx()):
// the CLI shows the server's messages and its own, never a zod issue's text in another language.
const englishZodOnly = {
  name: "english-zod-only",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}zod${path.sep}`)
        ? { path: path.join(path.dirname(args.importer), "../locales/en.js"), namespace: "zod-en" }
        : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: "zod-en" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: path.dirname(args.path),
    }));
  },
};

// Written beside the bundle and renamed over it: test files build it in parallel while others
// run it, and a rename never lets a process start from a half-written file.
const partial = `${outfile}.${process.pid}.partial`;
await build({
  absWorkingDir: root,
  entryPoints: ["cli/main.ts"],
  outfile: partial,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  tsconfig: path.join(root, "tsconfig.json"),
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  plugins: [englishZodOnly],
  // Bundled CommonJS dependencies may still call require() for Node built-ins.
  banner: {
    js: [
      "#!/usr/bin/env node",
      'import { createRequire as __cofferCreateRequire } from "node:module";',
      "const require = __cofferCreateRequire(import.meta.url);",
    ].join("\n"),
  },
});
fs.chmodSync(partial, 0o755);
fs.renameSync(partial, outfile);
