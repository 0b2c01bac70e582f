import Link from "next/link";
import type { OffboardingReport } from "@/lib/api/checklist";
import { Card, CardHeader } from "@/components/ui/card";

/** How many of the person's items are flagged, and the way to the rotation tracker. */
export function FlagSummary({
  report,
  personId,
  name,
}: {
  report: OffboardingReport | null;
  personId: string | null;
  name: string;
}) {
  const flags = report?.flaggedItems ?? [];
  const high = flags.filter((flag) => flag.priority === "high").length;
  const cleared = flags.filter((flag) => flag.cleared).length;
  return (
    <Card>
      <CardHeader
        title="Flagged items"
        description={`Every item ${name} could decrypt needs a new value: rotating the vault key does not change what they saw.`}
      />
      {report === null ? (
        <p role="status" className="text-sm text-stone-500">
          Loading…
        </p>
      ) : flags.length === 0 ? (
        <p className="text-sm text-stone-600">No items were flagged.</p>
      ) : (
        <p className="text-sm text-stone-800" data-testid="flag-summary">
          {flags.length} {flags.length === 1 ? "item" : "items"} flagged: {high} high priority
          (revealed or copied), {flags.length - high} medium. {cleared} cleared so far.
        </p>
      )}
      {personId && (
        <Link
          href={`/rotation?person=${encodeURIComponent(personId)}`}
          className="mt-3 inline-block text-sm font-medium text-stone-900 underline"
        >
          Open {name}&apos;s flags in the rotation tracker
        </Link>
      )}
    </Card>
  );
}
