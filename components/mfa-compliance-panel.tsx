"use client";

import { useState } from "react";
import type { ComplianceState, CompliancePerson } from "@/lib/api/mfa";
import { errorMessage } from "@/lib/client/api";
import { dateTime, relativeTime } from "@/lib/client/format";
import { resetPersonMfa } from "@/lib/client/mfa";
import { StepUpCancelled } from "./mfa/step-up-provider";
import { Alert } from "./ui/alert";
import { FilterButtons } from "./ui/filter-buttons";
import { Button } from "./ui/button";
import { Card, CardHeader } from "./ui/card";
import { ConfirmDialog } from "./ui/confirm-dialog";
import { roleLabels } from "./people/role-labels";

type Filter = "all" | ComplianceState;

const filters: Array<{ value: Filter; label: string }> = [
  { value: "all", label: "All" },
  { value: "out-of-compliance", label: "Out of compliance" },
  { value: "in-grace", label: "In grace" },
  { value: "enrolled", label: "Enrolled" },
  { value: "not-required", label: "Not required" },
];

function day(iso: string) {
  return new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium" });
}

/** Who meets the security-key policy, with a way out for someone who lost their keys. */
export function MfaCompliancePanel({
  people,
  currentUserId,
  refreshing,
  onRefresh,
}: {
  people: CompliancePerson[];
  currentUserId: string;
  refreshing: boolean;
  onRefresh: () => Promise<void>;
}) {
  const [filter, setFilter] = useState<Filter>("all");
  const [target, setTarget] = useState<CompliancePerson | null>(null);
  const [resetting, setResetting] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Suspended people cannot sign in at all: they are listed, but not counted.
  const active = people.filter((person) => person.status === "active");
  const complying = active.filter((person) => person.compliance !== "out-of-compliance").length;
  const counts = new Map<Filter, number>([["all", people.length]]);
  for (const person of people) {
    counts.set(person.compliance, (counts.get(person.compliance) ?? 0) + 1);
  }
  const shown = filter === "all" ? people : people.filter((person) => person.compliance === filter);

  async function reset() {
    if (!target) return;
    setResetting(true);
    setDialogError(null);
    try {
      await resetPersonMfa(target.userId);
      setNotice(
        `${target.name}'s security keys and recovery codes were removed and they were signed out. They must add a new key at their next sign-in.`,
      );
      setTarget(null);
      await onRefresh();
    } catch (caught) {
      setDialogError(
        caught instanceof StepUpCancelled
          ? "Nothing was reset: the security key check was cancelled."
          : errorMessage(caught),
      );
    } finally {
      setResetting(false);
    }
  }

  return (
    <Card>
      <CardHeader
        title="Compliance"
        description={
          <>
            <span className="font-medium text-stone-900">
              {complying} of {active.length}{" "}
              {active.length === 1 ? "person complies" : "people comply"}
            </span>{" "}
            with the policy.
          </>
        }
        action={
          <Button
            variant="secondary"
            size="sm"
            onClick={() => void onRefresh()}
            busy={refreshing}
            busyLabel="Refreshing…"
          >
            Refresh
          </Button>
        }
      />

      {notice && (
        <Alert tone="success" className="mb-4">
          {notice}
        </Alert>
      )}

      <FilterButtons
        label="Show"
        options={filters}
        value={filter}
        onChange={setFilter}
        counts={counts}
        className="mb-4 flex flex-wrap gap-2"
      />

      {shown.length === 0 ? (
        <p className="text-sm text-stone-500">
          {people.length === 0 ? "No people yet." : "No one matches this filter."}
        </p>
      ) : (
        <div className="-mx-6 overflow-x-auto sm:-mx-8">
          <table className="w-full min-w-[48rem] text-left text-sm">
            <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-500 uppercase">
              <tr>
                <th scope="col" className="px-6 py-2 font-semibold sm:px-8">
                  Name
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Email
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Role
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Keys
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Last used
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Status
                </th>
                <th scope="col" className="px-6 py-2 text-right font-semibold sm:px-8">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {shown.map((person) => (
                <tr key={person.userId}>
                  <td className="px-6 py-3 font-medium text-stone-900 sm:px-8">
                    {person.name}
                    {person.userId === currentUserId && (
                      <span className="ml-2 text-xs font-normal text-stone-500">(you)</span>
                    )}
                    {person.status === "suspended" && (
                      <span className="ml-2 text-xs font-normal text-stone-500">(suspended)</span>
                    )}
                  </td>
                  <td className="px-3 py-3 text-stone-700">{person.email}</td>
                  <td className="px-3 py-3 text-stone-700">{roleLabels[person.role]}</td>
                  <td className="px-3 py-3 text-stone-700">{person.keyCount}</td>
                  <td className="px-3 py-3 whitespace-nowrap text-stone-700">
                    {person.lastUsedAt ? (
                      <time dateTime={person.lastUsedAt} title={dateTime(person.lastUsedAt)}>
                        {relativeTime(person.lastUsedAt)}
                      </time>
                    ) : (
                      "Never"
                    )}
                  </td>
                  <td className="px-3 py-3">
                    <ComplianceBadge person={person} />
                  </td>
                  <td className="px-6 py-3 text-right sm:px-8">
                    {person.userId !== currentUserId &&
                      (person.keyCount > 0 || person.compliance === "out-of-compliance") && (
                        <Button
                          variant="secondary"
                          size="sm"
                          aria-label={`Reset keys of ${person.name}`}
                          onClick={() => {
                            setDialogError(null);
                            setNotice(null);
                            setTarget(person);
                          }}
                        >
                          Reset keys
                        </Button>
                      )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <ConfirmDialog
        open={target !== null}
        title={`Reset ${target?.name}'s security keys?`}
        confirmLabel="Reset keys"
        busyLabel="Resetting…"
        busy={resetting}
        error={dialogError}
        onConfirm={reset}
        onCancel={() => setTarget(null)}
      >
        For someone who lost their keys.{" "}
        {target && target.keyCount > 0
          ? `${target.email}'s ${target.keyCount === 1 ? "security key" : `${target.keyCount} security keys`} and recovery codes are removed`
          : `${target?.email}'s recovery codes are removed`}{" "}
        and they are signed out everywhere. They must add a new key at their next sign-in before
        they can use Coffer again.
      </ConfirmDialog>
    </Card>
  );
}

function ComplianceBadge({ person }: { person: CompliancePerson }) {
  const badges: Record<ComplianceState, { label: string; style: string }> = {
    enrolled: { label: "Enrolled", style: "bg-emerald-100 text-emerald-800" },
    "in-grace": {
      label: person.graceUntil ? `In grace until ${day(person.graceUntil)}` : "In grace",
      style: "bg-amber-100 text-amber-900",
    },
    "out-of-compliance": { label: "Out of compliance", style: "bg-red-100 text-red-800" },
    "not-required": { label: "Not required", style: "bg-stone-100 text-stone-700" },
  };
  const badge = badges[person.compliance];
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${badge.style}`}
    >
      {badge.label}
    </span>
  );
}
