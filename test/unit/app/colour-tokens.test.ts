// Dark mode works by giving every palette swatch a dark value in app/globals.css. A colour
// family used in a component without one would stay light on a dark page, and a pair of
// tokens whose contrast falls below WCAG AA in either scheme would be unreadable there.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../../..");
const css = readFileSync(path.join(root, "app/globals.css"), "utf8");

const tokens = new Map<string, { light: string; dark: string }>();
for (const match of css.matchAll(
  /--color-([a-z]+(?:-\d+)?):\s*light-dark\(([^,]+\)|#\w+),\s*([^;]+)\);/g,
)) {
  tokens.set(match[1]!, { light: match[2]!.trim(), dark: match[3]!.trim() });
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const utility =
  /\b(?:bg|text|border(?:-[trblxy])?|ring|outline|divide|from|via|to|fill|stroke|accent|caret|decoration|placeholder|shadow)-([a-z]+)-(50|[1-9]00|950)\b/g;

function usedSwatches(): Set<string> {
  const used = new Set<string>();
  for (const file of [
    ...sourceFiles(path.join(root, "components")),
    ...sourceFiles(path.join(root, "app")),
  ]) {
    for (const match of readFileSync(file, "utf8").matchAll(utility))
      used.add(`${match[1]}-${match[2]}`);
  }
  return used;
}

/** oklch(L% C H) or #rgb(rrggbb) to relative luminance, as WCAG 2 defines it. */
function luminance(colour: string): number {
  let rgb: number[];
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d) : hex[1]!.match(/../g)!;
    rgb = digits.map((pair) => parseInt(pair, 16) / 255);
  } else {
    const parts = /^oklch\(([\d.]+)%\s+([\d.]+)\s+([\d.]+)\)$/.exec(colour);
    if (!parts) throw new Error(`Not a colour this test reads: ${colour}`);
    const [l, c, h] = [
      Number(parts[1]) / 100,
      Number(parts[2]),
      (Number(parts[3]) * Math.PI) / 180,
    ];
    const [a, b] = [c * Math.cos(h), c * Math.sin(h)];
    const lms = [
      (l + 0.3963377774 * a + 0.2158037573 * b) ** 3,
      (l - 0.1055613458 * a - 0.0638541728 * b) ** 3,
      (l - 0.0894841775 * a - 1.291485548 * b) ** 3,
    ] as const;
    const linear = [
      4.0767416621 * lms[0] - 3.3077115913 * lms[1] + 0.2309699292 * lms[2],
      -1.2684380046 * lms[0] + 2.6097574011 * lms[1] - 0.3413193965 * lms[2],
      -0.0041960863 * lms[0] - 0.7034186147 * lms[1] + 1.707614701 * lms[2],
    ];
    // Out-of-gamut channels are clipped, as browsers do when painting.
    return 0.2126 * clip(linear[0]!) + 0.7152 * clip(linear[1]!) + 0.0722 * clip(linear[2]!);
  }
  const toLinear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * toLinear(rgb[0]!) + 0.7152 * toLinear(rgb[1]!) + 0.0722 * toLinear(rgb[2]!);
}
const clip = (v: number) => Math.min(1, Math.max(0, v));

function contrast(first: string, second: string): number {
  const [high, low] = [luminance(first), luminance(second)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

describe("colour tokens", () => {
  it("give every swatch a component uses a light and a dark value", () => {
    const missing = [...usedSwatches()].filter((swatch) => !tokens.has(swatch));
    expect(missing).toEqual([]);
    expect(tokens.has("white")).toBe(true);
  });

  it("keep the page dark in dark mode and light in light mode", () => {
    expect(luminance(tokens.get("stone-50")!.light)).toBeGreaterThan(0.9);
    expect(luminance(tokens.get("stone-50")!.dark)).toBeLessThan(0.02);
    expect(luminance(tokens.get("white")!.dark)).toBeLessThan(0.05);
  });

  // Text on the surfaces it is set on across the app: body, cards, hints, badges, alerts,
  // buttons and the active navigation link.
  const pairs = [
    ["stone-900", "stone-50"],
    ["stone-900", "white"],
    ["stone-600", "white"],
    ["stone-500", "white"],
    ["stone-500", "stone-50"],
    ["stone-600", "stone-100"],
    ["white", "stone-900"],
    ["white", "red-600"],
    ["white", "red-700"],
    ["red-600", "white"],
    ["red-800", "red-50"],
    ["amber-800", "amber-50"],
    ["emerald-800", "emerald-50"],
    ["sky-800", "sky-50"],
    ["emerald-700", "white"],
    ["amber-700", "white"],
  ] as const;
  describe.each(["light", "dark"] as const)("in the %s scheme", (scheme) => {
    it.each(pairs)("%s text on %s reads at 4.5:1 or more", (text, background) => {
      expect(
        contrast(tokens.get(text)![scheme], tokens.get(background)![scheme]),
      ).toBeGreaterThanOrEqual(4.5);
    });
  });
});
