// `npm run bench`: runs every benchmark, prints each figure beside its budget and baseline,
// and records them in docs/benchmarks.md and docs/benchmarks.json.
import os from "node:os";
import {
  calibrationLoop,
  describeCalibration,
  judgeCalibration,
  meetsBudget,
  printResults,
  writeResults,
  type BenchResult,
} from "./report";
import { machineBenchmarks } from "./machine.bench";
import { cliBenchmarks } from "./cli.bench";
import { signInBenchmarks } from "./signin.bench";
import { unlockBenchmarks } from "./unlock.bench";
import { rotateBenchmarks } from "./rotate.bench";
import { vaultBenchmarks } from "./vault.bench";
import { offboardBenchmarks } from "./offboard.bench";
import { importBenchmarks } from "./import.bench";
import { itemBatchBenchmarks } from "./item-batch.bench";
import { serverBenchmarks } from "./server.bench";
import { pageBenchmarks } from "./page.bench";
import { apiBenchmarks } from "./api.bench";

const suites: Record<string, () => Promise<BenchResult[]>> = {
  unlock: unlockBenchmarks,
  signin: signInBenchmarks,
  rotate: rotateBenchmarks,
  vault: vaultBenchmarks,
  offboard: offboardBenchmarks,
  machine: machineBenchmarks,
  cli: cliBenchmarks,
  import: importBenchmarks,
  batch: itemBatchBenchmarks,
  server: serverBenchmarks,
  page: pageBenchmarks,
  api: apiBenchmarks,
};

// `npm run bench -- offboard rotate` runs only those suites; the figures of the others stay
// as docs/benchmarks.json last recorded them.
async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in suites));
  if (unknown.length) {
    throw new Error(
      `unknown benchmark ${unknown.join(", ")}; known: ${Object.keys(suites).join(", ")}`,
    );
  }
  // Timed before and after the suites: a machine that was busy at either end marks the run.
  const startLoop = calibrationLoop();
  const results: BenchResult[] = [];
  for (const [name, run] of Object.entries(suites)) {
    if (wanted.length === 0 || wanted.includes(name)) results.push(...(await run()));
  }
  const calibration = judgeCalibration(startLoop, calibrationLoop());
  printResults(results);
  console.log(`\n${describeCalibration(calibration)}`);
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  writeResults(results, `${os.cpus().length} × ${cpu}, Node ${process.version}`, calibration);
  const over = results.filter((result) => !meetsBudget(result));
  if (over.length)
    console.log(`\n${over.length} figure(s) outside budget: ${over.map((r) => r.id).join(", ")}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
