import { NextResponse } from "next/server";
import { route } from "@/lib/server/route";
import { auditQuery } from "@/lib/api/audit";
import { listAuditEvents } from "@/lib/server/data/audit";
import { auditEventsToCsv } from "@/lib/server/audit-export";
import { badRequest } from "@/lib/server/errors";
import { z } from "zod";

export const dynamic = "force-dynamic";

const exportQuery = auditQuery.extend({
  format: z.enum(["csv", "json"]).default("csv"),
  limit: z.coerce.number().int().min(1).max(100000).default(100000),
});

export const GET = route({
  access: "admin",
  handler: async ({ request }) => {
    const parsed = exportQuery.safeParse(
      Object.fromEntries(new URL(request.url).searchParams.entries()),
    );
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join(".");
      throw badRequest(`${field} ${issue?.message}`, field);
    }
    const { from, to, format, ...filter } = parsed.data;
    const rows = await listAuditEvents({
      ...filter,
      from: from ? new Date(from) : undefined,
      to: to ? new Date(to) : undefined,
    });
    const events = rows.map((event) => ({
      ...event,
      at: event.at.toISOString(),
      details: (event.details ?? {}) as Record<string, unknown>,
    }));
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
