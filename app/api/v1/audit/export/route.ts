import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/server/route";
import { auditQuery } from "@/lib/api/audit";
import { auditEventDtos } from "@/lib/server/audit-views";
import { auditEventsToCsv } from "@/lib/server/audit-export";

export const dynamic = "force-dynamic";

const exportQuery = auditQuery.extend({
  format: z.enum(["csv", "json"]).default("csv"),
  limit: z.coerce.number().int().min(1).max(100000).default(100000),
});

export const GET = route({
  access: "admin",
  // An export carries the whole history out of Coffer: a fresh key check first.
  stepUp: true,
  query: exportQuery,
  handler: async ({ query: { format, ...query } }) => {
    const events = await auditEventDtos(query);
    const stamp = new Date().toISOString().slice(0, 10);
    const body = format === "csv" ? auditEventsToCsv(events) : JSON.stringify({ events }, null, 2);
    return new NextResponse(body, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json",
        "Content-Disposition": `attachment; filename="coffer-audit-${stamp}.${format}"`,
        "Cache-Control": "no-store",
      },
    });
  },
});
