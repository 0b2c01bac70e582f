import { NextResponse } from "next/server";
import { route } from "@/lib/server/route";
import { notFound } from "@/lib/server/errors";
import { isOrgAdmin } from "@/lib/server/policies";
import { offboardingReportFor, reportFileName } from "@/lib/server/offboarding/report";
import { reportScopeFor } from "@/lib/server/offboarding/report-access";

export const dynamic = "force-dynamic";

// The completion report as a file: admins see all of it, a manager of one of the person's
// vaults the part about the vaults they are in.
export const GET = route({
  access: "session",
  handler: async ({ session, params }) => {
    const runId = params.checklistId ?? "";
    const report = await offboardingReportFor(runId);
    if (!report) throw notFound("No such offboarding.");
    const scoped = isOrgAdmin(session) ? report : await reportScopeFor(session, runId, report);
    return NextResponse.json(scoped, {
      headers: {
        "Cache-Control": "no-store",
        "Content-Disposition": `attachment; filename="${reportFileName(report)}"`,
      },
    });
  },
});
