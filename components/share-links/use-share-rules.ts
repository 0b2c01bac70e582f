"use client";

import { useCallback } from "react";
import { shareLinksApi } from "@/lib/client/share-links";
import { useResource } from "@/components/ui/use-resource";

/** The org's rules for new links, loaded when a share dialog opens (`active`). */
export function useShareRules(active: boolean) {
  const load = useCallback(() => shareLinksApi.rules(), []);
  return useResource(active ? load : null);
}
