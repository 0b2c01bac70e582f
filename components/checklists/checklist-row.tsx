import Link from "next/link";
import type { ChecklistSummaryDto } from "@/lib/api/checklist";
import { dateTime, relativeTime } from "@/lib/client/format";
import { StatusBadge } from "@/components/status-badge";
import { kindLabels } from "./kind-labels";
import { ProgressBar } from "./progress-bar";

/** One run in the list: who it is about, who started it when, and how far it is. */
export function ChecklistRow({ checklist }: { checklist: ChecklistSummaryDto }) {
  return (
    <li>
      <Link
        href={`/admin/checklists/${encodeURIComponent(checklist.id)}`}
        className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg px-2 py-3 hover:bg-stone-50 focus-visible:outline-2 focus-visible:outline-stone-900"
      >
        <span className="min-w-0 flex-1">
          <span className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
            {kindLabels[checklist.kind]}: {checklist.subject.name ?? checklist.subject.email}
            <StatusBadge status={checklist.status} />
          </span>
          <span className="block text-xs text-stone-500">
            Started by {checklist.startedBy.name}{" "}
            <span title={dateTime(checklist.startedAt)}>{relativeTime(checklist.startedAt)}</span>
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
  );
}
