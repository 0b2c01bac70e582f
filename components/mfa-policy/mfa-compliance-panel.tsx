"use client";

import { useState } from "react";
import type { ComplianceState, CompliancePerson } from "@/lib/api/mfa";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { FilterButtons } from "@/components/ui/filter-buttons";
import { PersonTable } from "@/components/ui/person-table";
import { ComplianceRow } from "./compliance-row";
import { ResetKeysDialog } from "./reset-keys-dialog";

type Filter = "all" | ComplianceState;

const filters: Array<{ value: Filter; label: string }> = [
  { value: "all", label: "All" },
  { value: "out-of-compliance", label: "Out of compliance" },
  { value: "in-grace", label: "In grace" },
  { value: "enrolled", label: "Enrolled" },
  { value: "not-required", label: "Not required" },
];

const columns = ["Email", "Role", "Keys", "Last used", "Status"];

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
  const [notice, setNotice] = useState<string | null>(null);

  // Suspended people cannot sign in at all: they are listed, but not counted.
  const active = people.filter((person) => person.status === "active");
  const complying = active.filter((person) => person.compliance !== "out-of-compliance").length;
  const counts = new Map<Filter, number>([["all", people.length]]);
  for (const person of people) {
    counts.set(person.compliance, (counts.get(person.compliance) ?? 0) + 1);
  }
  const shown = filter === "all" ? people : people.filter((person) => person.compliance === filter);

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
        <PersonTable columns={columns}>
          {shown.map((person) => (
            <ComplianceRow
              key={person.userId}
              person={person}
              self={person.userId === currentUserId}
              onReset={() => {
                setNotice(null);
                setTarget(person);
              }}
            />
          ))}
        </PersonTable>
      )}

      <ResetKeysDialog
        person={target}
        onCancel={() => setTarget(null)}
        onDone={async (person) => {
          setNotice(
            `${person.name}'s security keys and recovery codes were removed and they were signed out. They must add a new key at their next sign-in.`,
          );
          setTarget(null);
          await onRefresh();
        }}
      />
    </Card>
  );
}
