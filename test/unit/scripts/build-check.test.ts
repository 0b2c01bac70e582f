// `npm start` rebuilds a build older than its sources and leaves a current one alone: the test
// suite builds once and then starts many servers, none of which may rebuild.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildTime, listSources, rebuildReason } from "../../../scripts/build-check.mjs";

const source = (file: string, mtimeMs: number) => ({ path: file, mtimeMs });

describe("rebuildReason", () => {
  it("builds when there is no build", () => {
    expect(rebuildReason(undefined, [])).toBe("no production build found");
  });

  it("leaves a build alone when every source is older, or as old", () => {
    expect(rebuildReason(1000, [source("app/page.tsx", 900), source("lib/a.ts", 1000)])).toBe(null);
  });

  it("rebuilds when any source changed after the build, naming it", () => {
    expect(rebuildReason(1000, [source("app/page.tsx", 900), source("next.config.js", 1001)])).toBe(
      "next.config.js changed after the last build",
    );
  });
});

describe("listSources and buildTime", () => {
  it("find the build's inputs and the build's time in a checkout", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "coffer-build-check-"));
    try {
      fs.mkdirSync(path.join(root, "app", "nested"), { recursive: true });
      fs.mkdirSync(path.join(root, "lib", "node_modules"), { recursive: true });
      fs.writeFileSync(path.join(root, "app", "nested", "page.tsx"), "");
      fs.writeFileSync(path.join(root, "lib", "node_modules", "ignored.js"), "");
      fs.writeFileSync(path.join(root, "package-lock.json"), "{}");
      fs.writeFileSync(path.join(root, "README.md"), "not an input");
      expect(buildTime(root, ".next")).toBeUndefined();

      const paths = listSources(root).map((entry) => entry.path);
      expect(paths).toEqual(
        expect.arrayContaining([path.join("app", "nested", "page.tsx"), "package-lock.json"]),
      );
      expect(paths).not.toContain(path.join("lib", "node_modules", "ignored.js"));
      expect(paths).not.toContain("README.md");

      fs.mkdirSync(path.join(root, ".next"));
      fs.writeFileSync(path.join(root, ".next", "BUILD_ID"), "x");
      const later = new Date(Date.now() + 60_000);
      fs.utimesSync(path.join(root, ".next", "BUILD_ID"), later, later);
      const builtAt = buildTime(root, ".next");
      expect(rebuildReason(builtAt, listSources(root))).toBe(null);

      const edited = new Date(Date.now() + 120_000);
      fs.utimesSync(path.join(root, "app", "nested", "page.tsx"), edited, edited);
      expect(rebuildReason(builtAt, listSources(root))).toBe(
        `${path.join("app", "nested", "page.tsx")} changed after the last build`,
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
