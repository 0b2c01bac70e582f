const styles: Record<string, string> = {
  active: "bg-emerald-100 text-emerald-800",
  done: "bg-emerald-100 text-emerald-800",
  pending: "bg-amber-100 text-amber-800",
  invited: "bg-amber-100 text-amber-800",
  onboarding: "bg-sky-100 text-sky-800",
  open: "bg-sky-100 text-sky-800",
  offboarding: "bg-orange-100 text-orange-800",
  suspended: "bg-red-100 text-red-800",
  offboarded: "bg-stone-200 text-stone-700",
  revoked: "bg-stone-200 text-stone-700",
  expired: "bg-stone-200 text-stone-700",
  cancelled: "bg-stone-200 text-stone-700",
  used: "bg-sky-100 text-sky-800",
};

// A used invite is one somebody accepted: the word people expect to read.
const labels: Record<string, string> = { used: "accepted" };

/** The status of a person, an invite or a checklist as a small coloured pill. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium capitalize ${styles[status] ?? "bg-stone-100 text-stone-700"}`}
    >
      {labels[status] ?? status}
    </span>
  );
}
