// The vault-size chart of docs/benchmarks.md: open time against item count, one line per
// database, drawn as a plain SVG so the docs need no charting library.

export interface VaultOpenPoint {
  database: "PGlite" | "PostgreSQL";
  items: number;
  ms: number;
}

const width = 560;
const height = 320;
const margin = { top: 36, right: 120, bottom: 48, left: 64 };
const colours: Record<VaultOpenPoint["database"], string> = {
  PGlite: "#b45309",
  PostgreSQL: "#1d4ed8",
};

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A round step that gives four or five grid lines up to `max`. */
function gridStep(max: number): number {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough || 1));
  const multiple = [1, 2, 2.5, 5, 10].find((candidate) => candidate * power >= rough) ?? 10;
  return multiple * power;
}

/** The SVG text of the chart; the x axis is linear in items, so growth reads at a glance. */
export function renderVaultChart(points: VaultOpenPoint[], subtitle: string): string {
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const maxItems = Math.max(...points.map((point) => point.items), 1);
  const step = gridStep(Math.max(...points.map((point) => point.ms), 1));
  const maxMs = step * Math.ceil(Math.max(...points.map((point) => point.ms), 1) / step);
  const x = (items: number) => margin.left + (items / maxItems) * plotWidth;
  const y = (ms: number) => margin.top + plotHeight - (ms / maxMs) * plotHeight;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>Vault open time against vault size</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="20" font-size="14" font-weight="600" fill="#1c1917">Vault open time (ms) by item count</text>`,
    `<text x="${margin.left}" y="${height - 8}" fill="#57534e">${escape(subtitle)}</text>`,
  ];
  for (let ms = 0; ms <= maxMs; ms += step) {
    parts.push(
      `<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${y(ms)}" y2="${y(ms)}" stroke="#e7e5e4"/>`,
      `<text x="${margin.left - 8}" y="${y(ms) + 4}" text-anchor="end" fill="#57534e">${ms}</text>`,
    );
  }
  const sizes = [...new Set(points.map((point) => point.items))].sort((a, b) => a - b);
  for (const items of sizes) {
    parts.push(
      `<text x="${x(items)}" y="${margin.top + plotHeight + 18}" text-anchor="middle" fill="#57534e">${items.toLocaleString("en")}</text>`,
    );
  }
  const databases = [...new Set(points.map((point) => point.database))];
  databases.forEach((database, index) => {
    const line = points
      .filter((point) => point.database === database)
      .sort((a, b) => a.items - b.items);
    const colour = colours[database];
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${line
        .map((point) => `${x(point.items).toFixed(1)},${y(point.ms).toFixed(1)}`)
        .join(" ")}"/>`,
      ...line.map(
        (point) =>
          `<circle cx="${x(point.items).toFixed(1)}" cy="${y(point.ms).toFixed(1)}" r="3.5" fill="${colour}"><title>${database}, ${point.items} items: ${Math.round(point.ms)} ms</title></circle>`,
      ),
      `<text x="${margin.left + plotWidth + 12}" y="${margin.top + 16 + index * 18}" fill="${colour}" font-weight="600">${database}</text>`,
    );
  });
  parts.push("</svg>", "");
  return parts.join("\n");
}
