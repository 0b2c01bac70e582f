"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { kindLabels } from "@/components/checklists/kind-labels";
import { ProgressBar } from "@/components/checklists/progress-bar";
import { StatusBadge } from "@/components/status-badge";
import { roleLabels } from "./role-labels";
import type { Person } from "./use-people";

/** One person in the people table: who, their role and status, and their open checklists. */
export function PersonRow({
  person,
  self,
  actions,
}: {
  person: Person;
  self: boolean;
  actions: ReactNode;
}) {
  return (
    <tr data-testid="person-row">
      <td className="px-6 py-3 sm:px-8">
        <p className="font-medium text-stone-900">
          {person.name ?? person.email}
          {self && <span className="ml-2 text-xs font-normal text-stone-500">(you)</span>}
        </p>
        {person.name && <p className="text-xs text-stone-500">{person.email}</p>}
      </td>
      <td className="px-3 py-3 text-stone-700">{roleLabels[person.role]}</td>
      <td className="px-3 py-3">
        <StatusBadge status={person.status} />
      </td>
      <td className="px-3 py-3">
        <OpenChecklists checklists={person.openChecklists} />
      </td>
      <td className="px-6 py-3 text-right whitespace-nowrap sm:px-8">{actions}</td>
    </tr>
  );
}

function OpenChecklists({ checklists }: { checklists: Person["openChecklists"] }) {
  if (checklists.length === 0) return <span className="text-stone-500">None</span>;
  return (
    <ul className="space-y-1.5">
      {checklists.map((checklist) => (
        <li key={checklist.id}>
          <Link
            href={`/admin/checklists/${encodeURIComponent(checklist.id)}`}
            className="block max-w-56 rounded-md focus-visible:outline-2 focus-visible:outline-stone-900"
          >
            <span className="font-medium text-stone-900 underline-offset-2 hover:underline">
              {kindLabels[checklist.kind]}
            </span>{" "}
            <span className="text-stone-600">
              {checklist.progress.done} of {checklist.progress.total}
            </span>
            <ProgressBar
              done={checklist.progress.done}
              total={checklist.progress.total}
              className="mt-1"
            />
          </Link>
        </li>
      ))}
    </ul>
  );
}
