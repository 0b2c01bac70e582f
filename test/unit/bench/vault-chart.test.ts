// The vault-size chart: one line per database through its points, on a linear item axis.
import { describe, expect, it } from "vitest";
import { renderVaultChart } from "../../bench/vault-chart";

describe("renderVaultChart", () => {
  const svg = renderVaultChart(
    [
      { database: "PGlite", items: 1000, ms: 100 },
      { database: "PGlite", items: 20000, ms: 900 },
      { database: "PGlite", items: 5000, ms: 250 },
      { database: "PostgreSQL", items: 1000, ms: 80 },
      { database: "PostgreSQL", items: 20000, ms: 700 },
    ],
    "a <test> run",
  );

  it("draws a line for each database, its points in item order", () => {
    const lines = [...svg.matchAll(/<polyline [^>]*points="([^"]+)"/g)].map((match) =>
      match[1]!.split(" ").map((pair) => Number(pair.split(",")[0])),
    );
    expect(lines).toHaveLength(2);
    for (const xs of lines) expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(svg).toContain(">PGlite<");
    expect(svg).toContain(">PostgreSQL<");
  });

  it("labels every size on the x axis and every point with its figure", () => {
    for (const size of ["1,000", "5,000", "20,000"]) expect(svg).toContain(`>${size}<`);
    expect(svg).toContain("PGlite, 20000 items: 900 ms");
  });

  it("escapes the subtitle and is one well-formed svg element", () => {
    expect(svg).toContain("a &lt;test&gt; run");
    expect(svg.trim().startsWith("<svg")).toBe(true);
    expect(svg.trim().endsWith("</svg>")).toBe(true);
  });
});
