import { route } from "@/lib/server/route";
import { recordExportRequest } from "@/lib/api/export";
import { recordExport } from "@/lib/server/exports/record-export";

export const dynamic = "force-dynamic";

// The export itself happens in the client; this records it first, and refuses a plain
// whole-vault file without a fresh key check.
export const POST = route({
  access: "session",
  body: recordExportRequest,
  status: 201,
  handler: ({ session, body, request }) => recordExport(session, body, request),
});
