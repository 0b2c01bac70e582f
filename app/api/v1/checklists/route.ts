import { route } from "@/lib/server/route";
import { checklistListQuery } from "@/lib/api/checklist";
import { listChecklistRuns } from "@/lib/server/data/checklist-runs";
import { requireOrganization } from "@/lib/server/data/organization";
import { checklistSummary } from "@/lib/server/checklists/views";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "admin",
  query: checklistListQuery,
  handler: async ({ query }) => {
    const { runs, people } = await listChecklistRuns((await requireOrganization()).id, query);
    return { checklists: runs.map((run) => checklistSummary(run, people)) };
  },
});
