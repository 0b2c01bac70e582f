"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import type { ChecklistKind, ChecklistSummaryDto } from "@/lib/api/checklist";
import { errorMessage } from "@/lib/client/api";
import { checklistApi } from "@/lib/client/checklists";
import { dateTime, relativeTime } from "@/lib/client/format";
import { StatusBadge } from "@/components/status-badge";
import { Alert } from "@/components/ui/alert";
import { FilterButtons } from "../ui/filter-buttons";
import { Card } from "@/components/ui/card";
import { SelectField } from "@/components/vaults/select-field";
import { ProgressBar } from "./progress-bar";
import { kindLabels } from "./kind-labels";

type StatusFilter = "open" | "done" | "all";

const statusFilters: Array<{ value: StatusFilter; label: string }> = [
  { value: "open", label: "Open" },
  { value: "done", label: "Done" },
  { value: "all", label: "All" },
];

/** Every onboarding and offboarding run: the open ones to follow, the finished ones as records. */
export function ChecklistsList() {
  const [status, setStatus] = useState<StatusFilter>("open");
  const [kind, setKind] = useState<"" | ChecklistKind>("");
  const [checklists, setChecklists] = useState<ChecklistSummaryDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setChecklists(null);
    try {
      const result = await checklistApi.list({
        ...(status === "all" ? {} : { status }),
        ...(kind ? { kind } : {}),
      });
      setChecklists(result.checklists);
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [status, kind]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

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
            value={status}
            onChange={setStatus}
          />
          <SelectField
            label="Kind"
            value={kind}
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
            {status === "open"
              ? "No checklist is open. Invite someone from the People page to start an onboarding."
              : "No checklists match."}
          </p>
        )}
        {checklists !== null && checklists.length > 0 && (
          <ul aria-label="Checklists" className="divide-y divide-stone-100">
            {checklists.map((checklist) => (
              <li key={checklist.id}>
                <Link
                  href={`/admin/checklists/${encodeURIComponent(checklist.id)}`}
                  className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg px-2 py-3 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-stone-900"
                >
                  <span className="min-w-0 flex-1">
                    <span className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
                      {kindLabels[checklist.kind]}:{" "}
                      {checklist.subject.name ?? checklist.subject.email}
                      <StatusBadge status={checklist.status} />
                    </span>
                    <span className="block text-xs text-stone-500">
                      Started by {checklist.startedBy.name}{" "}
                      <span title={dateTime(checklist.startedAt)}>
                        {relativeTime(checklist.startedAt)}
                      </span>
                    </span>
                  </span>
                  <span className="w-40 text-sm text-stone-600">
                    {checklist.progress.done} of {checklist.progress.total}
                    <ProgressBar
                      done={checklist.progress.done}
                      total={checklist.progress.total}
                      className="mt-1"
                    />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
