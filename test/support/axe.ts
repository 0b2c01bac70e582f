// axe-core in a Playwright page. The app's Content-Security-Policy refuses an injected <script>
// (no nonce), so the library goes in through page.evaluate, which runs in the page's own world
// but is not subject to its policy.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import type { AxeResults, ImpactValue, RunOptions } from "axe-core";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Impacts that fail a page. "moderate" and "minor" are reported but do not fail it. */
export const failingImpacts: ImpactValue[] = ["critical", "serious"];

const runOptions: RunOptions = {
  resultTypes: ["violations"],
  rules: {
    // WCAG 2.5.3 (label in name) is off in axe by default: a button whose accessible name does
    // not contain its visible text cannot be operated by voice ("click Grant access").
    "label-content-name-mismatch": { enabled: true },
  },
};

export interface AxeViolation {
  rule: string;
  impact: ImpactValue | null;
  help: string;
  targets: string[];
}

/** Runs axe over the whole page as it is now and answers every violation, flattened. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.evaluate(axeSource);
  const results = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run(o: unknown): Promise<AxeResults> } }).axe.run(options),
    runOptions,
  );
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}

/** One line per violation: rule, impact, what it asks and each element that breaks it. */
export function describeViolations(label: string, violations: AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${label}: ${violation.rule} (${violation.impact}) ${violation.help}\n` +
        violation.targets.map((target) => `    ${target}`).join("\n"),
    )
    .join("\n");
}

/**
 * The page's critical and serious violations, printed with their targets; an empty list when
 * it passes. Lesser ones are printed too, so they are seen, but do not fail the page.
 */
export async function seriousViolations(page: Page, label: string): Promise<AxeViolation[]> {
  const violations = await axeViolations(page);
  if (violations.length > 0) console.log(describeViolations(label, violations));
  return violations.filter(
    (violation) => violation.impact !== null && failingImpacts.includes(violation.impact),
  );
}
