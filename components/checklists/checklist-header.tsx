import Link from "next/link";
import type { ChecklistDto } from "@/lib/api/checklist";
import { dateTime, relativeTime } from "@/lib/client/format";
import { StatusBadge } from "@/components/status-badge";
import { Button } from "@/components/ui/button";
import { kindLabels } from "./kind-labels";

export function BackLink({ isAdmin }: { isAdmin: boolean }) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-stone-500">
      <Link href={isAdmin ? "/admin/checklists" : "/home"} className="hover:underline">
        {isAdmin ? "Checklists" : "Home"}
      </Link>
    </nav>
  );
}

/** Who the run is about, who started it and when, with the way to its re-keying report. */
export function ChecklistHeader({
  checklist,
  refreshing,
  onRefresh,
}: {
  checklist: ChecklistDto;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const person = checklist.subject.name ?? checklist.subject.email;
  return (
    <div className="flex flex-wrap items-start justify-between gap-3">
      <div className="min-w-0">
        <p className="text-sm font-medium text-stone-500">{kindLabels[checklist.kind]} checklist</p>
        <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold text-stone-900">
          {kindLabels[checklist.kind]}: {person}
          <StatusBadge status={checklist.status} />
        </h1>
        <p className="mt-1 text-sm text-stone-600">
          {checklist.subject.name && <>{checklist.subject.email} · </>}
          Started by {checklist.startedBy.name}{" "}
          <time dateTime={checklist.startedAt} title={dateTime(checklist.startedAt)}>
            {relativeTime(checklist.startedAt)}
          </time>
          {checklist.completedAt && (
            <>
              {" "}
              · finished{" "}
              <time dateTime={checklist.completedAt} title={dateTime(checklist.completedAt)}>
                {relativeTime(checklist.completedAt)}
              </time>
            </>
          )}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        {checklist.kind === "offboarding" && (
          // Another page follows the re-keying and holds the report; nothing is prefetched.
          <Link
            prefetch={false}
            href={`/offboarding/${encodeURIComponent(checklist.id)}`}
            className="inline-flex items-center rounded-lg bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
          >
            Re-keying and report
          </Link>
        )}
        <Button
          variant="secondary"
          size="sm"
          onClick={onRefresh}
          busy={refreshing}
          busyLabel="Refreshing…"
        >
          Refresh
        </Button>
      </div>
    </div>
  );
}
