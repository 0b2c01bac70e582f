import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { base64url, envelope } from "@/lib/api/common";
import { routes } from "@/lib/api/routes";
import { renderApiTypes, renderSchema } from "@/scripts/api-types";

const root = path.resolve(__dirname, "../../..");

describe("docs/api-types.md", () => {
  it("is what `npm run docs:api` writes from the route table today", () => {
    const committed = readFileSync(path.join(root, "docs/api-types.md"), "utf8");
    // On failure: run `npm run docs:api` and commit docs/api-types.md with the schema change.
    expect(
      committed === renderApiTypes(routes),
      "docs/api-types.md is stale: npm run docs:api",
    ).toBe(true);
  });
});

describe("renderSchema", () => {
  it("names byte lengths, envelopes, bounds, defaults, optional and nullable keys", () => {
    const schema = z.object({
      key: base64url(32),
      wrapped: envelope,
      version: z.number().int().positive(),
      count: z.number().int().min(0).max(1000).default(0),
      note: z.string().max(10).optional(),
      owner: z.string().nullable(),
      role: z.enum(["manage", "view"]),
    });
    expect(renderSchema(schema, "input")).toBe(
      [
        "{",
        "  key: b64url(32 B),",
        "  wrapped: Envelope,",
        "  version: int ≥ 1,",
        "  count?: int 0–1000 = 0,",
        "  note?: string (≤ 10 chars),",
        "  owner: string | null,",
        '  role: "manage" | "view"',
        "}",
      ].join("\n"),
    );
  });

  it("renders what the server answers, defaults applied, as required keys", () => {
    const schema = z.object({ items: z.array(z.string()).max(5).default([]) });
    expect(renderSchema(schema, "output")).toBe("{\n  items: string[] (≤ 5 items) = []\n}");
  });
});
