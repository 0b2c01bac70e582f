"use client";

import { useCallback } from "react";
import { checklistApi } from "@/lib/client/checklists";
import { useAction } from "@/components/ui/use-action";
import { useResource } from "@/components/ui/use-resource";

/**
 * One checklist run, refreshed on demand. A step's change answers with the whole run, which
 * `replace` shows without asking the server again.
 */
export function useChecklist(checklistId: string) {
  const load = useCallback(() => checklistApi.get(checklistId), [checklistId]);
  const { data: checklist, error, reload, replace } = useResource(load);
  const refresh = useAction(reload);
  return {
    checklist,
    error,
    replace,
    refresh: () => void refresh.run(),
    refreshing: refresh.pending,
  };
}
