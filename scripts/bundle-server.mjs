// The server entry (scripts/serve.ts and the lib code it needs) as one ES module that a bare
// `node` runs: no tsx loader or esbuild service stays resident beside the server. The bundle is
// remade only when one of the files it was made from is newer than it, which takes a few
// hundred milliseconds; otherwise `npm start` imports it as it is.
import fs from "node:fs";
import path from "node:path";

const entry = "scripts/serve.ts";

/** Path of the bundle under `root`, made first when it is missing or older than its inputs. */
export async function ensureServerBundle(root) {
  const outfile = path.join(root, "dist", "server", "serve.mjs");
  const inputsFile = `${outfile}.inputs.json`;
  if (isCurrent(root, outfile, inputsFile)) return outfile;
  return bundle(root, outfile, inputsFile);
}

function isCurrent(root, outfile, inputsFile) {
  try {
    const builtAt = fs.statSync(outfile).mtimeMs;
    const inputs = JSON.parse(fs.readFileSync(inputsFile, "utf8"));
    return inputs.every((input) => fs.statSync(path.join(root, input)).mtimeMs <= builtAt);
  } catch {
    return false; // Missing, or an input was removed: make it again.
  }
}

async function bundle(root, outfile, inputsFile) {
  // Loaded only here: a start with a current bundle never loads esbuild at all.
  const esbuild = await import("esbuild");
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  // Written beside the bundle and renamed over it: several test servers may start at once,
  // and a rename never lets one of them import a half-written file.
  const partial = `${outfile}.${process.pid}.partial.mjs`;
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: partial,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    tsconfig: path.join(root, "tsconfig.json"),
    // Packages stay in node_modules, loaded by Node as usual (PGlite and Prisma's schema engine
    // find their .wasm files beside their own modules). `server-only` is the exception: this
    // process runs without the react-server condition that Next.js gives lib/server code, and
    // the guard's react-server variant is an empty module.
    packages: "external",
    alias: { "server-only": "./node_modules/server-only/empty.js" },
    metafile: true,
    logLevel: "warning",
    banner: {
      js: 'import { createRequire as __cofferCreateRequire } from "node:module";\nconst require = __cofferCreateRequire(import.meta.url);',
    },
  });
  // esbuild keeps a service process running for later builds: this process will not need it.
  await esbuild.stop();
  const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.includes(":"));
  fs.writeFileSync(`${inputsFile}.${process.pid}`, JSON.stringify(inputs));
  fs.renameSync(`${inputsFile}.${process.pid}`, inputsFile);
  fs.renameSync(partial, outfile);
  return outfile;
}
