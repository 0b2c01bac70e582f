import { route } from "@/lib/server/route";
import { checklistListQuery } from "@/lib/api/checklist";
import { checklistSummaries } from "@/lib/server/checklists/list";
import { requireOrganization } from "@/lib/server/data/organization";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "admin",
  query: checklistListQuery,
  handler: async ({ query }) => ({
    checklists: await checklistSummaries((await requireOrganization()).id, query),
  }),
});
