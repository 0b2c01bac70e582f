import { route } from "@/lib/server/route";
import { auditQuery } from "@/lib/api/audit";
import { auditEventDtos } from "@/lib/server/audit-views";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "admin",
  query: auditQuery,
  handler: async ({ query }) => ({ events: await auditEventDtos(query) }),
});
