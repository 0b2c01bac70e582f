"use client";

import { useCallback, useState } from "react";
import { ApiError, errorMessage } from "@/lib/client/api";

/**
 * One async action's pending state and error. `field` is the server's own pointer to the input
 * that failed, so a form can put the message under it without reading the message text.
 */
export function useAction<Args extends unknown[], Result>(
  action: (...args: Args) => Promise<Result>,
) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);

  const run = useCallback(
    async (...args: Args): Promise<Result | undefined> => {
      setPending(true);
      setError(null);
      try {
        return await action(...args);
      } catch (caught) {
        setError({
          message: errorMessage(caught),
          field: caught instanceof ApiError ? caught.field : undefined,
        });
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [action],
  );

  return { run, pending, error, clearError: () => setError(null) };
}
