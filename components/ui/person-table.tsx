import type { ReactNode } from "react";

/**
 * A table of people across the card's full width: a name column, the given columns, and an
 * unlabelled actions column at the end. The rows (`children`) render their own cells.
 */
export function PersonTable({
  columns,
  label,
  children,
}: {
  columns: string[];
  label?: string;
  children: ReactNode;
}) {
  return (
    <div className="-mx-6 overflow-x-auto sm:-mx-8">
      <table className="w-full min-w-[48rem] text-left text-sm" aria-label={label}>
        <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-500 uppercase">
          <tr>
            <th scope="col" className="px-6 py-2 font-semibold sm:px-8">
              Name
            </th>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 font-semibold">
                {column}
              </th>
            ))}
            <th scope="col" className="px-6 py-2 text-right font-semibold sm:px-8">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">{children}</tbody>
      </table>
    </div>
  );
}
