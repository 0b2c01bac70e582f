"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

const FILTER_NAMES = ["person", "vault", "priority", "age"] as const;

export type FlagState = "open" | "cleared";

/**
 * The rotation tracker's filters, kept in the address: a link (from an offboarding, say) opens
 * the tracker already filtered, and Back undoes a filter.
 */
export function useFlagFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const priorityParam = params.get("priority");
  const filters = {
    person: params.get("person") ?? "",
    vault: params.get("vault") ?? "",
    priority: priorityParam === "high" || priorityParam === "medium" ? priorityParam : "",
    age: params.get("age") ?? "",
    state: (params.get("state") === "cleared" ? "cleared" : "open") as FlagState,
  } as const;

  function replace(next: URLSearchParams) {
    const search = next.toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  }

  function setParam(name: string, value: string) {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    replace(next);
  }

  function clearFilters() {
    const next = new URLSearchParams(params.toString());
    for (const name of FILTER_NAMES) next.delete(name);
    replace(next);
  }

  return {
    ...filters,
    filtered: FILTER_NAMES.some((name) => params.get(name)),
    setParam,
    clearFilters,
  };
}

export type FlagFilters = ReturnType<typeof useFlagFilters>;
