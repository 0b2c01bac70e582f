"use client";

import type { ComplianceState, CompliancePerson } from "@/lib/api/mfa";
import { dateTime, relativeTime } from "@/lib/client/format";
import { roleLabels } from "@/components/people/role-labels";
import { Button } from "@/components/ui/button";

function day(iso: string) {
  return new Date(iso).toLocaleDateString("en-GB", { dateStyle: "medium" });
}

/** One person in the compliance table: their keys, last use and where they stand. */
export function ComplianceRow({
  person,
  self,
  onReset,
}: {
  person: CompliancePerson;
  self: boolean;
  onReset: () => void;
}) {
  // A reset helps someone who lost their keys, or who is locked out without one.
  const resettable = !self && (person.keyCount > 0 || person.compliance === "out-of-compliance");
  return (
    <tr>
      <td className="px-6 py-3 font-medium text-stone-900 sm:px-8">
        {person.name}
        {self && <span className="ml-2 text-xs font-normal text-stone-500">(you)</span>}
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
        {resettable && (
          <Button
            variant="secondary"
            size="sm"
            aria-label={`Reset keys of ${person.name}`}
            onClick={onReset}
          >
            Reset keys
          </Button>
        )}
      </td>
    </tr>
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
