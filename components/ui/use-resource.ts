"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "@/lib/client/api";

/**
 * Loads once `load` is ready (non-null), keeps the last good value, and reloads on demand.
 * `initial` is a value the server rendered the page with: it is shown at once and the first
 * load is skipped, so the page does not fetch what it was just given.
 */
export function useResource<T>(load: (() => Promise<T>) | null, initial?: T) {
  const [data, setData] = useState<T | null>(initial ?? null);
  const [error, setError] = useState<string | null>(null);
  const loaded = useRef(initial === undefined ? null : load);

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
    if (loaded.current === load) return;
    loaded.current = load;
    void reload();
  }, [load, reload]);

  /** Shows a value an action's answer already holds, without asking the server again. */
  const replace = useCallback((value: T) => {
    setData(value);
    setError(null);
  }, []);

  return { data, error, reload, replace };
}
