// `npm run bench`: runs every benchmark, prints each figure beside its budget and baseline,
// and records them in docs/benchmarks.md and docs/benchmarks.json.
import os from "node:os";
import { printResults, writeResults, type BenchResult } from "./report";
import { signInBenchmarks } from "./signin.bench";
import { unlockBenchmarks } from "./unlock.bench";
import { rotateBenchmarks } from "./rotate.bench";
import { vaultBenchmarks } from "./vault.bench";

async function main() {
  const results: BenchResult[] = [];
  results.push(...(await unlockBenchmarks()));
  results.push(...(await signInBenchmarks()));
  results.push(...(await rotateBenchmarks()));
  results.push(...(await vaultBenchmarks()));
  printResults(results);
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  writeResults(results, `${os.cpus().length} × ${cpu}, Node ${process.version}`);
  const over = results.filter(
    (result) => result.budget !== undefined && result.value > result.budget,
  );
  if (over.length)
    console.log(`\n${over.length} figure(s) over budget: ${over.map((r) => r.id).join(", ")}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
