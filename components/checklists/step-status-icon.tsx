import type { StepStatus } from "@/lib/api/checklist";

const statusText: Record<StepStatus, string> = {
  pending: "Pending",
  done: "Done",
  skipped: "Skipped",
};

/** A step's state as an icon, with its word for screen readers (and as a tooltip). */
export function StepStatusIcon({ status }: { status: StepStatus }) {
  return (
    <span
      className="inline-flex size-6 shrink-0 items-center justify-center"
      title={statusText[status]}
    >
      {status === "done" && (
        <svg viewBox="0 0 24 24" className="size-6 text-emerald-600" aria-hidden="true">
          <circle cx="12" cy="12" r="10" fill="currentColor" />
          <path
            d="m7.5 12.5 3 3 6-6.5"
            fill="none"
            stroke="white"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      )}
      {status === "skipped" && (
        <svg viewBox="0 0 24 24" className="size-6 text-stone-400" aria-hidden="true">
          <circle cx="12" cy="12" r="9.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M8 12h8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      )}
      {status === "pending" && (
        <svg viewBox="0 0 24 24" className="size-6 text-stone-300" aria-hidden="true">
          <circle
            cx="12"
            cy="12"
            r="9.25"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeDasharray="3 2.5"
          />
        </svg>
      )}
      <span className="sr-only">{statusText[status]}</span>
    </span>
  );
}

export { statusText as stepStatusText };
