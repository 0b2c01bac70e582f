import { PRIORITY_LABELS } from "@/lib/client/rotation";

const tones = {
  high: "bg-red-50 text-red-800 ring-red-200",
  medium: "bg-amber-50 text-amber-900 ring-amber-200",
} as const;

/** A rotation flag's priority: high for what the person revealed or copied. */
export function PriorityBadge({ priority }: { priority: "high" | "medium" }) {
  return (
    <span
      data-priority={priority}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[priority]}`}
    >
      {PRIORITY_LABELS[priority]}
    </span>
  );
}
