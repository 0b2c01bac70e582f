// `npm test`: builds the production app the integration and end-to-end suites run against,
// then runs every Vitest project (unit, integration on PGlite and PostgreSQL, e2e in
// Chromium) and closes with a one-line summary.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

if (run(process.execPath, ["node_modules/next/dist/bin/next", "build"]) !== 0) {
  console.error("The production build failed.");
  process.exit(1);
}

const resultsFile = "test-results/vitest.json";
fs.mkdirSync("test-results", { recursive: true });
fs.rmSync(resultsFile, { force: true });
const status = run(process.execPath, [
  "node_modules/vitest/vitest.mjs",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${resultsFile}`,
  ...process.argv.slice(2),
]);

if (fs.existsSync(resultsFile)) {
  const results = JSON.parse(fs.readFileSync(resultsFile, "utf8"));
  const skipped = results.numPendingTests + results.numTodoTests;
  // A file that fails before any test runs (an import or collection error) has no failed test
  // of its own: count it, so the summary never reads clean over a broken file.
  const brokenFiles = results.testResults.filter(
    (file) => file.status === "failed" && file.assertionResults.length === 0,
  ).length;
  const failed = results.numFailedTests + brokenFiles;
  console.log(`\n${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
}
process.exit(status);
