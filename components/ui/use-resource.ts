"use client";

import { useCallback, useEffect, useState } from "react";
import { errorMessage } from "@/lib/client/api";

/** Loads once `load` is ready (non-null), keeps the last good value, and reloads on demand. */
export function useResource<T>(load: (() => Promise<T>) | null) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!load) return;
    try {
      setData(await load());
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [load]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);

  return { data, error, reload };
}
