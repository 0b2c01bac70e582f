"use client";

import type { ImportProgress } from "@/lib/sdk/import/commit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";

/** Step 4 while it runs: items committed of the total, and Cancel. */
export function CommitProgress({
  progress,
  cancelling,
  error,
  onCancel,
  onBack,
}: {
  progress: ImportProgress;
  cancelling: boolean;
  error: string | null;
  onCancel: () => void;
  onBack: () => void;
}) {
  const percent = progress.total ? Math.round((progress.committed / progress.total) * 100) : 100;
  return (
    <Card>
      <CardHeader
        title="Importing"
        description="Items are encrypted in this tab and sent in batches. Keep this page open."
      />
      <div
        role="progressbar"
        aria-label="Items imported"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.committed}
        aria-valuetext={`${progress.committed} of ${progress.total} items`}
        className="h-2 w-full overflow-hidden rounded-full bg-stone-200"
      >
        <div className="h-full rounded-full bg-sky-500" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-2 text-sm text-stone-700" aria-live="polite">
        {progress.committed.toLocaleString("en")} of {progress.total.toLocaleString("en")} items
        imported
        {progress.vaultName ? ` into ${progress.vaultName}` : ""}…
      </p>
      {error ? (
        <>
          <Alert className="mt-4">{error}</Alert>
          <div className="mt-4 flex justify-end">
            <Button variant="secondary" onClick={onBack}>
              Back to the preview
            </Button>
          </div>
        </>
      ) : (
        <div className="mt-4 flex justify-end">
          <Button
            variant="secondary"
            onClick={onCancel}
            busy={cancelling}
            busyLabel="Stopping after this batch…"
          >
            Cancel import
          </Button>
        </div>
      )}
    </Card>
  );
}
