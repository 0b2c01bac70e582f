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
  note?: string;
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
      within,
    ];
  });
  const header = ["benchmark", "value", "budget", "baseline", ""];
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => String(row[column]).length)),
  );
  for (const row of [header, ...rows]) {
    console.log(row.map((cell, column) => String(cell).padEnd(widths[column] ?? 0)).join("  "));
  }
}

/** Merges this run's figures into docs/benchmarks.json and rewrites docs/benchmarks.md. */
export function writeResults(results: BenchResult[], environment: string) {
  const jsonPath = "docs/benchmarks.json";
  const previous: BenchResult[] = fs.existsSync(jsonPath)
    ? JSON.parse(fs.readFileSync(jsonPath, "utf8"))
    : [];
  const merged = new Map(previous.map((result) => [result.id, result]));
  for (const result of results) {
    merged.set(result.id, {
      ...result,
      value: round(result.value),
      baseline: result.baseline === undefined ? undefined : round(result.baseline),
    });
  }
  const all = [...merged.values()].sort((a, b) => a.id.localeCompare(b.id));
  fs.writeFileSync(jsonPath, JSON.stringify(all, null, 2) + "\n");

  const lines = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (scripts in `test/bench/`). Each figure stands beside its budget",
    "and, where one applies, a baseline measured in the same run: the same kind of work with",
    "Coffer's own part taken out, so a slow machine shows up in both columns.",
    "",
    `Last run: ${new Date().toISOString().slice(0, 10)} on ${environment}.`,
    "",
    "| id | value | budget | baseline | what it measures |",
    "|---|---|---|---|---|",
    ...all.map(
      (result) =>
        `| \`${result.id}\` | ${result.value} ${result.unit} | ${
          result.budget === undefined ? "–" : `${result.floor ? "≥" : "≤"} ${result.budget}`
        } | ${result.baseline === undefined ? "–" : result.baseline} | ${result.note ?? ""} |`,
    ),
    "",
  ];
  fs.writeFileSync("docs/benchmarks.md", lines.join("\n"));
}
