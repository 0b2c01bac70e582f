import { route } from "@/lib/server/route";
import {
  assertReportContentType,
  parseCspReports,
  readReportBody,
  recordCspViolations,
} from "@/lib/server/csp-reports";

export const dynamic = "force-dynamic";

// Public: browsers send reports without a session, from any page, including the sign-in page.
export const POST = route({
  access: "public",
  handler: async ({ request }) => {
    assertReportContentType(request);
    recordCspViolations(parseCspReports(await readReportBody(request)));
    return undefined;
  },
});
