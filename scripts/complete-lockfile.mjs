// Adds lockfile entries for other platforms' optional native packages (Next.js SWC, Tailwind's
// oxide, the resolver bindings) when the registry mirror that wrote the lockfile lacks their
// metadata. Without them `npm ci` refuses the lockfile as out of sync; with them it skips the
// packages on platforms they do not fit, as it would with a lockfile written elsewhere.
// Run after `npm install` changes dependencies: `node scripts/complete-lockfile.mjs`.
import fs from "node:fs";

const lockPath = "package-lock.json";
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));
const operatingSystems = ["android", "darwin", "freebsd", "linux", "win32", "openharmony"];
const cpus = ["arm64", "x64", "arm", "ia32", "loong64", "ppc64", "riscv64", "s390x", "wasm32"];
const has = (name, part) => new RegExp(`(^|-)${part}(-|$)`).test(name);

let added = 0;
for (const meta of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const entry = `node_modules/${name}`;
    if (lock.packages[entry]) continue;
    const base = name.split("/").pop();
    const os = operatingSystems.find((candidate) => has(base, candidate));
    const cpu = cpus.find((candidate) => has(base, candidate));
    if (!os && !cpu) continue;
    const record = { version, optional: true };
    if (os) record.os = [os];
    if (cpu) record.cpu = [cpu];
    if (os === "linux" && base.includes("musl")) record.libc = ["musl"];
    else if (os === "linux" && base.includes("gnu")) record.libc = ["glibc"];
    lock.packages[entry] = record;
    added += 1;
  }
}
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`Added ${added} optional platform package(s) to ${lockPath}.`);
