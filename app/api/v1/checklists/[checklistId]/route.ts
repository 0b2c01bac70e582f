import { route } from "@/lib/server/route";
import { canReadChecklist, loadRun } from "@/lib/server/checklists/access";
import { loadChecklistDto } from "@/lib/server/checklists/checklist-dto";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ params, session }) => {
    const run = await loadRun(params.checklistId ?? "");
    await canReadChecklist(session, run);
    return loadChecklistDto(run.id, session);
  },
});
