"use client";

import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/vaults/select-field";
import type { FlagFilters } from "./use-flag-filters";

const AGE_OPTIONS = [
  { value: "", label: "Any age" },
  { value: "1", label: "Older than 1 day" },
  { value: "3", label: "Older than 3 days" },
  { value: "7", label: "Older than a week" },
  { value: "30", label: "Older than 30 days" },
];

/** Open or cleared flags, then by person, vault, priority and age. */
export function FlagFilterBar({
  filters,
  people,
  vaultOptions,
}: {
  filters: FlagFilters;
  people: Array<[id: string, name: string]>;
  vaultOptions: Array<{ value: string; label: string }>;
}) {
  const { state, setParam } = filters;
  return (
    <>
      <div role="tablist" aria-label="Flags" className="flex gap-1 border-b border-stone-200">
        {(["open", "cleared"] as const).map((entry) => (
          <button
            key={entry}
            type="button"
            role="tab"
            aria-selected={state === entry}
            onClick={() => setParam("state", entry === "open" ? "" : entry)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${state === entry ? "border-stone-900 text-stone-900" : "border-transparent text-stone-500 hover:text-stone-800"}`}
          >
            {entry === "open" ? "Open" : "Cleared"}
          </button>
        ))}
      </div>

      <form
        aria-label="Filters"
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label="Person"
          value={filters.person}
          onChange={(value) => setParam("person", value)}
          options={[
            { value: "", label: "Anyone" },
            ...people.map(([id, name]) => ({ value: id, label: name })),
          ]}
        />
        <SelectField
          label="Vault"
          value={filters.vault}
          onChange={(value) => setParam("vault", value)}
          options={[{ value: "", label: "All vaults" }, ...vaultOptions]}
        />
        <SelectField
          label="Priority"
          value={filters.priority}
          onChange={(value) => setParam("priority", value)}
          options={[
            { value: "", label: "Any priority" },
            { value: "high", label: "High" },
            { value: "medium", label: "Medium" },
          ]}
        />
        <SelectField
          label="Age"
          value={filters.age}
          onChange={(value) => setParam("age", value)}
          options={AGE_OPTIONS}
        />
        <div className="flex items-end">
          <Button variant="ghost" onClick={filters.clearFilters} disabled={!filters.filtered}>
            Clear filters
          </Button>
        </div>
      </form>
    </>
  );
}
