import fs from "node:fs";

export interface BenchResult {
  id: string;
  value: number;
  unit: string;
  /** Upper bound the figure must stay under (a lower bound with `floor`); omitted for figures we only record. */
  budget?: number;
  /** The budget is a floor: the figure (a ratio, a rate) must reach it. */
  floor?: boolean;
  /** The same kind of work with Coffer's own part removed, measured in the same run. */
  baseline?: number;
  /** value ÷ baseline, written beside every figure that has a baseline. */
  ratio?: number;
  /** False when the calibration loop ran slow in this figure's run: a loaded machine. */
  quiet?: boolean;
  note?: string;
}

/** Wall time over CPU time beyond which a run counts as loaded: its timings are flagged. */
export const quietLimit = 1.5;

export interface LoopTiming {
  wallMs: number;
  /** The loop's own CPU time: what its wall time is on an idle core, the reference. */
  cpuMs: number;
}

/**
 * A fixed CPU-bound loop (integer hashing, no allocation, no I/O), timed twice: by the clock
 * and by the CPU time the process was given. On an idle machine the two agree; when other
 * processes share the cores, the loop waits for one and the wall time grows, as does every
 * timing of the run. Its own CPU time is the reference, so the verdict holds on any machine.
 */
export function calibrationLoop(): LoopTiming {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let hash = 2166136261;
  for (let index = 0; index < 30_000_000; index++) {
    hash = Math.imul(hash ^ index, 16777619) >>> 0;
  }
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  // Uses the result, so the loop cannot be optimised away.
  if (hash === 0.5) console.log(hash);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export interface Calibration {
  start: LoopTiming;
  end: LoopTiming;
  /** The slower of the two loops: wall time ÷ CPU time. */
  slowdown: number;
  quiet: boolean;
}

/** Judges a run by the loops timed at its start and at its end. */
export function judgeCalibration(start: LoopTiming, end: LoopTiming): Calibration {
  const slowdown = Math.max(...[start, end].map((loop) => loop.wallMs / Math.max(loop.cpuMs, 1)));
  return { start, end, slowdown, quiet: slowdown <= quietLimit };
}

export function describeCalibration(calibration: Calibration): string {
  const loop = (timing: LoopTiming) =>
    `${Math.round(timing.wallMs)} ms for ${Math.round(timing.cpuMs)} ms of CPU`;
  return (
    `calibration loop ${loop(calibration.start)} at the start, ${loop(calibration.end)} at the ` +
    `end: ${round(calibration.slowdown)}× ` +
    (calibration.quiet ? "(quiet: true)" : "(quiet: false, a loaded machine)")
  );
}

/** value ÷ baseline, or undefined when there is no baseline to divide by. */
export function ratioToBaseline(result: BenchResult): number | undefined {
  if (result.baseline === undefined || result.baseline === 0) return undefined;
  return result.value / result.baseline;
}

export function meetsBudget(result: BenchResult): boolean {
  if (result.budget === undefined) return true;
  return result.floor ? result.value >= result.budget : result.value <= result.budget;
}

export function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

const round = (value: number) => Math.round(value * 100) / 100;

function ratioText(result: BenchResult): string {
  const ratio = ratioToBaseline(result);
  return ratio === undefined ? "-" : `${round(ratio)}×`;
}

export function printResults(results: BenchResult[]) {
  const rows = results.map((result) => {
    const within =
      result.budget === undefined
        ? ""
        : meetsBudget(result)
          ? "ok"
          : result.floor
            ? "UNDER"
            : "OVER";
    return [
      result.id,
      `${round(result.value)} ${result.unit}`,
      result.budget === undefined
        ? "-"
        : `${result.floor ? "≥" : "≤"} ${result.budget} ${result.unit}`,
      result.baseline === undefined ? "-" : `${round(result.baseline)} ${result.unit}`,
      ratioText(result),
      within,
    ];
  });
  const header = ["benchmark", "value", "budget", "baseline", "ratio", ""];
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => String(row[column]).length)),
  );
  for (const row of [header, ...rows]) {
    console.log(row.map((cell, column) => String(cell).padEnd(widths[column] ?? 0)).join("  "));
  }
}

/**
 * Merges this run's figures into docs/benchmarks.json and rewrites docs/benchmarks.md. Each
 * figure of this run carries the run's `quiet` verdict; figures of other runs keep theirs.
 */
export function writeResults(
  results: BenchResult[],
  environment: string,
  calibration?: Calibration,
) {
  const jsonPath = "docs/benchmarks.json";
  const previous: BenchResult[] = fs.existsSync(jsonPath)
    ? JSON.parse(fs.readFileSync(jsonPath, "utf8"))
    : [];
  const merged = new Map(previous.map((result) => [result.id, result]));
  for (const result of results) {
    const ratio = ratioToBaseline(result);
    merged.set(result.id, {
      ...result,
      value: round(result.value),
      baseline: result.baseline === undefined ? undefined : round(result.baseline),
      ratio: ratio === undefined ? undefined : round(ratio),
      quiet: calibration?.quiet ?? result.quiet,
    });
  }
  const all = [...merged.values()]
    .map((result) => {
      // Figures recorded before ratios were written get theirs from the same two numbers.
      const ratio = ratioToBaseline(result);
      return { ...result, ratio: ratio === undefined ? undefined : round(ratio) };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
  fs.writeFileSync(jsonPath, JSON.stringify(all, null, 2) + "\n");

  const lines = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (scripts in `test/bench/`). Each figure stands beside its budget",
    "and, where one applies, a baseline measured in the same run: the same kind of work with",
    "Coffer's own part taken out, so a slow machine shows up in both columns.",
    "",
    "Ratio is value ÷ baseline. A calibration loop timed at the start and the end of each run",
    `is compared with its own CPU time; a run where it took more than ${quietLimit}× that is marked`,
    "*loaded* (`quiet: false` in benchmarks.json): its timings say more about the machine than",
    "about Coffer, and counts and ratios are the figures to read.",
    "",
    `Last run: ${new Date().toISOString().slice(0, 10)} on ${environment}` +
      (calibration ? `; ${describeCalibration(calibration)}.` : "."),
    "",
    "![Vault open time against vault size, PGlite and PostgreSQL](vault-open-chart.svg)",
    "",
    "| id | value | budget | baseline | ratio | run | what it measures |",
    "|---|---|---|---|---|---|---|",
    ...all.map(
      (result) =>
        `| \`${result.id}\` | ${result.value} ${result.unit} | ${
          result.budget === undefined ? "–" : `${result.floor ? "≥" : "≤"} ${result.budget}`
        } | ${result.baseline === undefined ? "–" : result.baseline} | ${
          result.ratio === undefined ? "–" : `${result.ratio}×`
        } | ${result.quiet === undefined ? "–" : result.quiet ? "quiet" : "*loaded*"} | ${
          result.note ?? ""
        } |`,
    ),
    "",
  ];
  fs.writeFileSync("docs/benchmarks.md", lines.join("\n"));
}
