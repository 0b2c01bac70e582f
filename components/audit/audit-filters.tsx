"use client";

import { useId, useState } from "react";
import type { UserDto } from "@/lib/api/user";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { eventGroups } from "./action-labels";
import { emptyFilters, type AuditFilters } from "./use-audit-log";

const inputClass =
  "mt-1.5 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-stone-900";

function Select(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: Array<{ value: string; label: string }>;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {props.label}
      </label>
      <select
        id={id}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        className={inputClass}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: string;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {props.label}
      </label>
      <input
        id={id}
        type={props.type ?? "text"}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        className={inputClass}
      />
    </div>
  );
}

/** The filter form: edits stay local until applied, so typing does not reload the log. */
export function AuditFiltersCard({
  people,
  onApply,
}: {
  people: UserDto[];
  onApply: (filters: AuditFilters) => void;
}) {
  const [filters, setFilters] = useState<AuditFilters>(emptyFilters);
  const update = (key: keyof AuditFilters) => (value: string) =>
    setFilters((current) => ({ ...current, [key]: value }));

  return (
    <Card>
      <CardHeader title="Filters" description="Narrow the log by person, event, vault or date." />
      <form
        className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5"
        onSubmit={(event) => {
          event.preventDefault();
          onApply(filters);
        }}
      >
        <Select
          label="Person"
          value={filters.actorId}
          onChange={update("actorId")}
          options={[
            { value: "", label: "Everyone" },
            ...people.map((person) => ({ value: person.id, label: person.name })),
          ]}
        />
        <Select
          label="Event"
          value={filters.action}
          onChange={update("action")}
          options={eventGroups}
        />
        <TextInput label="Vault id" value={filters.vaultId} onChange={update("vaultId")} />
        <TextInput label="From" type="date" value={filters.from} onChange={update("from")} />
        <TextInput label="To" type="date" value={filters.to} onChange={update("to")} />
        <div className="flex gap-2 sm:col-span-2 lg:col-span-5">
          <Button type="submit">Apply filters</Button>
          <Button
            type="button"
            variant="ghost"
            onClick={() => {
              setFilters(emptyFilters);
              onApply(emptyFilters);
            }}
          >
            Clear
          </Button>
        </div>
      </form>
    </Card>
  );
}
