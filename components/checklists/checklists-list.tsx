"use client";

import Link from "next/link";
import type { ChecklistKind, ChecklistSummaryDto } from "@/lib/api/checklist";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { FilterButtons } from "@/components/ui/filter-buttons";
import { SelectField } from "@/components/vaults/select-field";
import type { StatusFilter } from "./checklist-filter";
import { ChecklistRow } from "./checklist-row";
import { useChecklists } from "./use-checklists";

const statusFilters: Array<{ value: StatusFilter; label: string }> = [
  { value: "open", label: "Open" },
  { value: "done", label: "Done" },
  { value: "all", label: "All" },
];

/** Every onboarding and offboarding run: the open ones to follow, the finished ones as records. */
export function ChecklistsList({
  initialChecklists,
}: {
  /** The open runs, as the page was rendered with them. */
  initialChecklists?: ChecklistSummaryDto[];
}) {
  const { filter, setStatus, setKind, checklists, error } = useChecklists(initialChecklists);

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-stone-500">
        <Link href="/admin/people" className="hover:underline">
          People
        </Link>
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-stone-900">Checklists</h1>
          <p className="mt-1 text-stone-600">
            Each onboarding and offboarding, step by step, kept as a record.
          </p>
        </div>
        <Link
          href="/admin/checklists/templates"
          className="rounded-lg px-3 py-1.5 text-sm font-medium text-stone-700 ring-1 ring-stone-300 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-stone-900"
        >
          Edit templates
        </Link>
      </div>

      <Card>
        <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
          <FilterButtons
            label="Show checklists"
            options={statusFilters}
            value={filter.status}
            onChange={setStatus}
          />
          <SelectField
            label="Kind"
            value={filter.kind}
            onChange={(value) => setKind(value === "" ? "" : (value as ChecklistKind))}
            options={[
              { value: "", label: "Onboarding and offboarding" },
              { value: "onboarding", label: "Onboarding" },
              { value: "offboarding", label: "Offboarding" },
            ]}
            className="w-56"
          />
        </div>

        {error && <Alert>{error}</Alert>}
        {checklists === null && !error && (
          <p role="status" className="text-sm text-stone-500">
            Loading checklists…
          </p>
        )}
        {checklists !== null && checklists.length === 0 && (
          <p className="rounded-lg border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-500">
            {filter.status === "open"
              ? "No checklist is open. Invite someone from the People page to start an onboarding."
              : "No checklists match."}
          </p>
        )}
        {checklists !== null && checklists.length > 0 && (
          <ul aria-label="Checklists" className="divide-y divide-stone-100">
            {checklists.map((checklist) => (
              <ChecklistRow key={checklist.id} checklist={checklist} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
