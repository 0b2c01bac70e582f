"use client";

import { useCallback, useState } from "react";
import type { ChecklistSummaryDto } from "@/lib/api/checklist";
import { checklistApi } from "@/lib/client/checklists";
import { useResource } from "@/components/ui/use-resource";
import { checklistQuery, firstChecklistFilter, type ChecklistFilter } from "./checklist-filter";

type Loaded = { filter: ChecklistFilter; checklists: ChecklistSummaryDto[] };

/**
 * The checklists under the chosen filter. `initial` is the first filter's list the server
 * rendered the page with; each other filter is asked of the API, and its list shows as loading
 * (not the previous filter's) until it is in.
 */
export function useChecklists(initial?: ChecklistSummaryDto[]) {
  const [filter, setFilter] = useState<ChecklistFilter>(firstChecklistFilter);
  const load = useCallback(
    async (): Promise<Loaded> => ({
      filter,
      checklists: (await checklistApi.list(checklistQuery(filter))).checklists,
    }),
    [filter],
  );
  const { data, error } = useResource(
    load,
    initial && { filter: firstChecklistFilter, checklists: initial },
  );
  return {
    filter,
    setStatus: (status: ChecklistFilter["status"]) => setFilter({ ...filter, status }),
    setKind: (kind: ChecklistFilter["kind"]) => setFilter({ ...filter, kind }),
    checklists: data?.filter === filter ? data.checklists : null,
    error,
  };
}
