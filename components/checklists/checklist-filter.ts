import type { ChecklistKind } from "@/lib/api/checklist";

// Shared by the page that renders the first list on the server and the view that filters on.

export type StatusFilter = "open" | "done" | "all";

export interface ChecklistFilter {
  status: StatusFilter;
  kind: "" | ChecklistKind;
}

/** What the list shows first: the open runs of both kinds. */
export const firstChecklistFilter: ChecklistFilter = { status: "open", kind: "" };

/** The list API's query for a filter ("all" is no status at all). */
export function checklistQuery(filter: ChecklistFilter) {
  return {
    ...(filter.status === "all" ? {} : { status: filter.status }),
    ...(filter.kind ? { kind: filter.kind } : {}),
  };
}
