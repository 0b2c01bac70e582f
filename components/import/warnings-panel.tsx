import type { ImportWarning, ImportWarningCode } from "@/lib/sdk/import";
import { Card, CardHeader } from "@/components/ui/card";
import { plural } from "./preview-panel";

const GROUP_TITLES: Record<ImportWarningCode, string> = {
  converted_type: "Kept as secure notes with fields",
  dropped_field: "Values Coffer has no place for",
  archived: "Archived in the old tool (imported, tagged archived)",
  trashed: "In the old tool's trash (imported, tagged trashed)",
  attachment_skipped: "Attachments not imported",
  invalid_totp: "One-time code seeds that could not be read",
  unreadable_record: "Records that could not be read",
  duplicate_field_name: "Fields renamed because their names repeated",
};

/** Every warning the parser raised, grouped by kind; each group opens to list its items. */
export function WarningsPanel({ warnings }: { warnings: readonly ImportWarning[] }) {
  const groups = new Map<ImportWarningCode, ImportWarning[]>();
  for (const warning of warnings) {
    groups.set(warning.code, [...(groups.get(warning.code) ?? []), warning]);
  }
  return (
    <Card>
      <CardHeader
        title={`Warnings (${warnings.length})`}
        description={
          warnings.length === 0
            ? "Nothing in this file is dropped or changed on the way in."
            : "Read these before importing: each says what happens to one record."
        }
      />
      {groups.size > 0 && (
        <ul className="space-y-2" aria-label="Warnings by kind">
          {[...groups].map(([code, entries]) => (
            <li key={code}>
              <details className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
                <summary className="cursor-pointer font-medium">
                  {GROUP_TITLES[code]}: {plural(entries.length, "warning")}
                </summary>
                <ul className="mt-2 list-disc space-y-1 pl-5">
                  {entries.map((warning, index) => (
                    <li key={index}>{warning.message}</li>
                  ))}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
