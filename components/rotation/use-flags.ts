"use client";

import { useCallback, useEffect, useState } from "react";
import type { ItemFlagDto } from "@/lib/api/rotation";
import { errorMessage } from "@/lib/client/api";
import { rotationApi, type FlagQuery } from "@/lib/client/rotation";
import type { FlagFilters } from "./use-flag-filters";

/**
 * The flags the filters select, reloaded when they change, and every flag's people and vaults
 * (whatever the filters say) to offer as filters.
 */
export function useFlags({ state, person, vault, priority, age }: FlagFilters) {
  const [flags, setFlags] = useState<ItemFlagDto[] | null>(null);
  const [facets, setFacets] = useState<ItemFlagDto[] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  // Not a useResource: the tracker says "refreshing…" while each new filter's answer is on its
  // way, and useResource keeps no loading state.
  const load = useCallback(async () => {
    setLoading(true);
    const query: FlagQuery = {
      state,
      personId: person || undefined,
      vaultId: vault || undefined,
      priority: priority || undefined,
      olderThanDays: age && /^\d+$/.test(age) ? Number(age) : undefined,
    };
    try {
      setFlags((await rotationApi.flags(query)).flags);
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setLoading(false);
    }
  }, [state, person, vault, priority, age]);

  useEffect(() => {
    // State is set only when the requests settle.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  useEffect(() => {
    let current = true;
    rotationApi
      .flags({ state: "all" })
      .then((all) => current && setFacets(all.flags))
      .catch(() => current && setFacets([]));
    return () => {
      current = false;
    };
  }, []);

  return { flags, facets, loading, error, load };
}
