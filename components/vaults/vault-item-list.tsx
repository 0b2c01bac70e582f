"use client";

import Link from "next/link";
import { useCallback } from "react";
import type { StoredItem } from "@/lib/client/vaults/vault-store";
import { ITEM_TYPE_LABELS, itemSubtitle } from "@/lib/client/vaults/templates";
import { ItemTypeIcon } from "./item-type-icon";
import { useWindowRows } from "./use-window-rows";

/** A row's height before it is measured: one title line and one subtitle line. */
const ROW_ESTIMATE = 66;

/**
 * A vault's items, virtualised against the page's own scroll: a vault of 20,000 items keeps
 * some 30 rows in the DOM, so painting the first ones and each later page stays cheap.
 */
export function VaultItemList({ vaultId, items }: { vaultId: string; items: StoredItem[] }) {
  const keyOf = useCallback((index: number) => items[index]?.dto.id ?? String(index), [items]);
  const { listRef, rows, totalHeight, measure } = useWindowRows<HTMLUListElement>({
    count: items.length,
    keyOf,
    estimate: ROW_ESTIMATE,
    overscan: 8,
  });

  return (
    <ul ref={listRef} aria-label="Items" className="relative" style={{ height: totalHeight }}>
      {rows.map((row) => {
        const item = items[row.index];
        if (!item) return null;
        return (
          <li
            key={row.key}
            data-key={row.key}
            ref={measure}
            aria-setsize={items.length}
            aria-posinset={row.index + 1}
            className="absolute inset-x-0 top-0 border-b border-stone-100"
            style={{ transform: `translateY(${row.start}px)` }}
          >
            <ItemRow vaultId={vaultId} item={item} />
          </li>
        );
      })}
    </ul>
  );
}

function ItemRow({ vaultId, item }: { vaultId: string; item: StoredItem }) {
  const tags = item.plaintext?.tags ?? [];
  return (
    <Link
      prefetch={false}
      href={`/vaults/${vaultId}/items/${item.dto.id}`}
      className="flex items-center gap-3 px-5 py-3 hover:bg-stone-50 focus-visible:bg-stone-100 focus-visible:outline-none"
    >
      <ItemTypeIcon type={item.plaintext?.type ?? "note"} />
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium text-stone-900">
          {item.plaintext?.title || "Unreadable item"}
        </span>
        <span
          className={`block truncate text-xs ${item.error ? "text-red-700" : "text-stone-600"}`}
        >
          {item.error ??
            (item.plaintext
              ? [ITEM_TYPE_LABELS[item.plaintext.type], itemSubtitle(item.plaintext)]
                  .filter(Boolean)
                  .join(" · ")
              : "")}
        </span>
      </span>
      {tags.length > 0 && (
        // A tag of any length stays inside the row: cut to the chip, whole in its tooltip.
        <span className="hidden max-w-[40%] shrink-0 flex-wrap justify-end gap-1 sm:flex">
          {tags.slice(0, 3).map((tag) => (
            <span
              key={tag}
              title={tag}
              className="max-w-[10rem] truncate rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-700"
            >
              {tag}
            </span>
          ))}
          {tags.length > 3 && (
            <span className="text-xs text-stone-600" title={tags.slice(3).join(", ")}>
              +{tags.length - 3}
            </span>
          )}
        </span>
      )}
    </Link>
  );
}
