import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { plural } from "./preview-panel";
import type { ImportOutcome } from "./use-import-commit";

/** Step 4 at the end: per vault, what was committed, skipped as duplicate, and what failed. */
export function ImportSummary({
  outcome,
  onAgain,
}: {
  outcome: ImportOutcome;
  onAgain: () => void;
}) {
  const skipped = Object.values(outcome.skippedByVault).reduce((sum, count) => sum + count, 0);
  const failed = outcome.failures.reduce((sum, failure) => sum + failure.items, 0);
  const tone = outcome.failures.length ? "error" : outcome.cancelled ? "warning" : "success";
  return (
    <Card>
      <CardHeader title="Import finished" />
      <Alert tone={tone} title={headline(outcome, failed)}>
        {outcome.cancelled &&
          "The batches already sent stay in their vaults; nothing after them was sent."}
        {skipped > 0 && ` ${plural(skipped, "duplicate")} skipped.`}
      </Alert>
      <ul className="mt-5 divide-y divide-stone-100" aria-label="Imported vaults">
        {outcome.vaults.map((vault) => {
          const skippedHere = outcome.skippedByVault[vault.vaultId] ?? 0;
          return (
            <li
              key={vault.vaultId}
              className="flex flex-wrap items-baseline justify-between gap-2 py-2"
            >
              <Link
                href={`/vaults/${vault.vaultId}`}
                className="font-medium text-stone-900 underline underline-offset-2"
              >
                {vault.name}
              </Link>
              <span className="text-sm text-stone-600">
                {vault.created ? "new vault · " : ""}
                {plural(vault.committed, "item")} imported
                {skippedHere ? ` · ${plural(skippedHere, "duplicate")} skipped` : ""}
              </span>
            </li>
          );
        })}
      </ul>
      {outcome.failures.length > 0 && (
        <ul className="mt-4 space-y-2" aria-label="Failures">
          {outcome.failures.map((failure, index) => (
            <li key={index}>
              <Alert>
                {failure.vaultName}: {plural(failure.items, "item")} not imported. {failure.message}
              </Alert>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-5 flex justify-end">
        <Button variant="secondary" onClick={onAgain}>
          Import another file
        </Button>
      </div>
    </Card>
  );
}

function headline(outcome: ImportOutcome, failed: number): string {
  const done = `${outcome.committed.toLocaleString("en")} of ${plural(outcome.total, "item")} imported`;
  if (outcome.cancelled) return `Import cancelled: ${done}.`;
  if (failed) return `${done}; ${failed} failed.`;
  return `${done}.`;
}
