"use client";

import { usernameOf } from "@/lib/sdk/import/duplicates";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { plural } from "./preview-panel";
import type { useImportTarget } from "./use-import-target";

/**
 * Incoming items that match one already in the target vault (same title, username and URL).
 * Skipping is the default: importing the same file twice should not double the vault.
 */
export function DuplicatesPanel({ target }: { target: ReturnType<typeof useImportTarget> }) {
  if (target.checkingDuplicates) {
    return (
      <Card>
        <p role="status" className="text-sm text-stone-600">
          Checking the vault for items you already have…
        </p>
      </Card>
    );
  }
  const { duplicates } = target;
  if (duplicates.length === 0) return null;
  const keeping = duplicates.filter((row) => target.kept.has(row.key)).length;
  return (
    <Card>
      <CardHeader
        title={`Duplicates (${duplicates.length})`}
        description={`${plural(duplicates.length, "item")} already in ${duplicates[0]!.vaultName} with the same title, username and URL. ${keeping} kept, ${duplicates.length - keeping} skipped.`}
        action={
          <div className="flex gap-2">
            <Button size="sm" variant="secondary" onClick={target.skipAll}>
              Skip all duplicates
            </Button>
            <Button size="sm" variant="secondary" onClick={target.keepAll}>
              Keep all duplicates
            </Button>
          </div>
        }
      />
      <ul className="divide-y divide-stone-100" aria-label="Duplicate items">
        {duplicates.map((row) => {
          const keep = target.kept.has(row.key);
          const details = [usernameOf(row.plaintext), row.plaintext.urls[0]]
            .filter(Boolean)
            .join(" · ");
          return (
            <li key={row.key} className="flex flex-wrap items-center justify-between gap-3 py-2">
              <span className="min-w-0">
                <span className="block truncate font-medium text-stone-900">
                  {row.plaintext.title || "Untitled"}
                </span>
                {details && (
                  <span className="block truncate text-xs text-stone-500">{details}</span>
                )}
              </span>
              <fieldset className="flex gap-3 text-sm">
                <legend className="sr-only">{row.plaintext.title || "Untitled"}</legend>
                <label className="flex items-center gap-1">
                  <input
                    type="radio"
                    name={`duplicate-${row.key}`}
                    checked={!keep}
                    onChange={() => target.setKeep(row.key, false)}
                  />
                  Skip
                </label>
                <label className="flex items-center gap-1">
                  <input
                    type="radio"
                    name={`duplicate-${row.key}`}
                    checked={keep}
                    onChange={() => target.setKeep(row.key, true)}
                  />
                  Keep
                </label>
              </fieldset>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
