import type { ChecklistStepDto } from "@/lib/api/checklist";

/** A step's state at a glance; the row's own words say it for screen readers. */
export function StepIcon({ status }: { status: ChecklistStepDto["status"] }) {
  const done = status !== "pending";
  return (
    <span
      aria-hidden="true"
      className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
        done ? "bg-emerald-100 text-emerald-800" : "bg-stone-200 text-stone-600"
      }`}
    >
      {status === "done" ? "✓" : status === "skipped" ? "–" : "·"}
    </span>
  );
}
