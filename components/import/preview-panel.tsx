import type { ItemType } from "@/lib/crypto";
import type { ImportResult, ImportSummary } from "@/lib/sdk/import";
import { ITEM_TYPE_LABELS } from "@/lib/client/vaults/templates";
import { Card, CardHeader } from "@/components/ui/card";
import { formatLabel } from "./file-step";
import { countOf } from "@/lib/client/format";

type MappingRow = { sourceType: string; type: ItemType; withFields: boolean; count: number };

/** Step 2: what the file holds, counted by Coffer type, and how each source type maps. */
export function PreviewPanel({
  result,
  summary,
}: {
  result: ImportResult;
  summary: ImportSummary;
}) {
  const mapping = mappingRows(result);
  return (
    <Card>
      <CardHeader
        title="What the file holds"
        description={`${formatLabel(summary.format)}: ${plural(summary.items, "item")}, ${plural(
          summary.folders,
          "folder",
        )}, ${summary.withTotp} with one-time codes.`}
      />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3" aria-label="Items by type">
        {(Object.keys(ITEM_TYPE_LABELS) as ItemType[])
          .filter((type) => summary.byType[type])
          .map((type) => (
            <div key={type} className="rounded-lg bg-stone-50 px-3 py-2">
              <dt className="text-xs text-stone-500">{ITEM_TYPE_LABELS[type]}</dt>
              <dd className="text-lg font-semibold text-stone-900">{summary.byType[type]}</dd>
            </div>
          ))}
      </dl>
      {mapping.length > 0 && (
        <table className="mt-5 w-full text-left text-sm">
          <caption className="mb-2 text-left text-sm font-medium text-stone-800">
            How records map
          </caption>
          <thead className="text-xs text-stone-500">
            <tr>
              <th scope="col" className="py-1 font-normal">
                In the file
              </th>
              <th scope="col" className="py-1 font-normal">
                In Coffer
              </th>
              <th scope="col" className="py-1 text-right font-normal">
                Items
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {mapping.map((row) => (
              <tr key={`${row.sourceType}:${row.type}`}>
                <td className="py-1.5 text-stone-900">{row.sourceType}</td>
                <td className="py-1.5 text-stone-700">
                  {ITEM_TYPE_LABELS[row.type]}
                  {row.type === "note" && row.withFields ? " with fields" : ""}
                </td>
                <td className="py-1.5 text-right text-stone-700">{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

function mappingRows(result: ImportResult): MappingRow[] {
  const rows = new Map<string, MappingRow>();
  for (const { sourceType, plaintext } of result.items) {
    const key = `${sourceType}\u0000${plaintext.type}`;
    const row = rows.get(key) ?? {
      sourceType: capitalise(sourceType),
      type: plaintext.type,
      withFields: false,
      count: 0,
    };
    row.count += 1;
    row.withFields ||= plaintext.fields.length > 0;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.count - a.count);
}

function capitalise(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : "Record";
}

export function plural(count: number, noun: string): string {
  return countOf(count, noun);
}
