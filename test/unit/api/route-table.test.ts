import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { routes } from "@/lib/api/routes";
import { defineRoute, type RouteSpec } from "@/lib/api/route-spec";
import {
  documentedRoutes,
  exportedMethods,
  routeFiles,
  routeMismatches,
  type RouteFile,
} from "./route-agreement";

const root = path.resolve(__dirname, "../../..");
const docs = readFileSync(path.join(root, "docs/api.md"), "utf8");

describe("the route table, docs/api.md and app/api agree", () => {
  it("every documented route is in the table and on disk, and the other way round", () => {
    const mismatches = routeMismatches({
      documented: documentedRoutes(docs),
      table: routes,
      files: routeFiles(path.join(root, "app")),
    });
    // One line per disagreement: add the route's entry to lib/api/routes/*, its row to
    // docs/api.md, or its handler under app/api, whichever is missing.
    expect(mismatches, `\n${mismatches.join("\n")}\n`).toEqual([]);
  });

  it("reads every route file and table row (the checks above are not vacuous)", () => {
    const files = routeFiles(path.join(root, "app"));
    expect(files.length).toBeGreaterThanOrEqual(76);
    expect(documentedRoutes(docs).length).toBeGreaterThanOrEqual(Object.keys(routes).length);
    expect(
      files.find((file) => file.file === "app/api/v1/vaults/[vaultId]/route.ts")?.methods,
    ).toEqual(["DELETE", "GET", "PATCH"]);
  });
});

describe("routeMismatches", () => {
  const table: Record<string, RouteSpec> = {
    vault: defineRoute({
      method: "GET",
      path: "/api/v1/vaults/:id",
      access: "view",
      response: "empty",
    }),
    csrf: defineRoute({ method: "GET", path: "/api/auth/csrf", access: "none", response: "empty" }),
  };
  const docsText = [
    "| method and path | auth | body → response |",
    "| --- | --- | --- |",
    "| `GET /api/v1/vaults/:id` | view | → vault |",
    "| `GET /api/auth/csrf` | none | → token |",
  ].join("\n");
  const files: RouteFile[] = [
    {
      file: "app/api/v1/vaults/[vaultId]/route.ts",
      segments: ["api", "v1", "vaults", ":"],
      methods: ["GET"],
    },
    {
      file: "app/api/auth/[...nextauth]/route.ts",
      segments: ["api", "auth", "*"],
      methods: ["GET"],
    },
  ];

  it("finds nothing when all three agree", () => {
    expect(routeMismatches({ documented: documentedRoutes(docsText), table, files })).toEqual([]);
  });

  it("names a route on disk that the table and docs lack", () => {
    const extra: RouteFile = {
      file: "app/api/v1/shares/route.ts",
      segments: ["api", "v1", "shares"],
      methods: ["POST"],
    };
    expect(
      routeMismatches({ documented: documentedRoutes(docsText), table, files: [...files, extra] }),
    ).toEqual([
      "POST app/api/v1/shares/route.ts: on disk but not in lib/api/routes (nor documented)",
    ]);
  });

  it("names a documented route missing from the table, and a table entry missing from the docs", () => {
    const withoutCsrf = { vault: table.vault! };
    expect(
      routeMismatches({ documented: documentedRoutes(docsText), table: withoutCsrf, files }),
    ).toEqual([
      "GET /api/auth/csrf: documented (docs/api.md:4) but not in lib/api/routes",
      "GET app/api/auth/[...nextauth]/route.ts: on disk but not in lib/api/routes (nor documented)",
    ]);
    const undocumented = docsText.split("\n").slice(0, 3).join("\n");
    expect(routeMismatches({ documented: documentedRoutes(undocumented), table, files })).toEqual([
      "GET /api/auth/csrf: routes.csrf is not documented in docs/api.md",
    ]);
  });

  it("names a table entry whose method the route file does not export", () => {
    const withDelete = {
      ...table,
      deleteVault: defineRoute({
        method: "DELETE",
        path: "/api/v1/vaults/:id",
        access: "manage",
        response: "empty",
      }),
    };
    const docsWithDelete = `${docsText}\n| \`DELETE /api/v1/vaults/:id\` | manage | → 204 |`;
    expect(
      routeMismatches({ documented: documentedRoutes(docsWithDelete), table: withDelete, files }),
    ).toEqual([
      "DELETE /api/v1/vaults/:id: routes.deleteVault, but app/api/v1/vaults/[vaultId]/route.ts does not export DELETE",
    ]);
  });

  it("names a disagreement about who may call a route, step-up included", () => {
    const stricter = `${docsText.replace("| view |", "| manage |")}`;
    expect(routeMismatches({ documented: documentedRoutes(stricter), table, files })).toEqual([
      'GET /api/v1/vaults/:id: docs say "manage" (docs/api.md:3), routes.vault says "view"',
    ]);
    const stepUp = docsText.replace(
      "`GET /api/v1/vaults/:id`",
      "`GET /api/v1/vaults/:id` (step-up)",
    );
    expect(routeMismatches({ documented: documentedRoutes(stepUp), table, files })).toEqual([
      'GET /api/v1/vaults/:id: docs say "view, step-up" (docs/api.md:3), routes.vault says "view"',
    ]);
  });

  it("reads the methods a route file exports, however it exports them", () => {
    expect(
      exportedMethods(
        "export const GET = route({});\nexport async function POST() {}\nconst h = 1;\nexport { h as PUT, dynamic };",
      ),
    ).toEqual(["GET", "POST", "PUT"]);
  });
});
