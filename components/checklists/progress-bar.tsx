/**
 * How far a checklist has come. Beside a "3 of 7" text it is decorative (hidden from assistive
 * technology, which reads the text); given a `label` it is a progressbar of its own.
 */
export function ProgressBar({
  done,
  total,
  label,
  className = "",
}: {
  done: number;
  total: number;
  label?: string;
  className?: string;
}) {
  const percent = total > 0 ? Math.round((done / total) * 100) : 100;
  const semantics = label
    ? {
        role: "progressbar",
        "aria-label": label,
        "aria-valuemin": 0,
        "aria-valuemax": total,
        "aria-valuenow": done,
        "aria-valuetext": `${done} of ${total} steps`,
      }
    : { "aria-hidden": true };
  return (
    <div
      {...semantics}
      className={`h-1.5 w-full overflow-hidden rounded-full bg-stone-200 ${className}`}
    >
      <div
        className={`h-full rounded-full ${done >= total ? "bg-emerald-500" : "bg-sky-500"}`}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}
