import "server-only";
import type { ChecklistKind, ChecklistSummaryDto } from "@/lib/api/checklist";
import { listChecklistRuns } from "../data/checklist-runs";
import { checklistSummary } from "./views";

/** The org's checklist runs under a filter, as the list API sends them and its page renders. */
export async function checklistSummaries(
  orgId: string,
  filter: { status?: "open" | "done" | "cancelled"; kind?: ChecklistKind },
): Promise<ChecklistSummaryDto[]> {
  const { runs, people } = await listChecklistRuns(orgId, filter);
  return runs.map((run) => checklistSummary(run, people));
}
