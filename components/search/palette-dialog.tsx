"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import { filterRows, mergeByTitle, type SearchRow } from "@/lib/client/vaults/search";
import type { OpenedVault } from "@/lib/client/vaults/open-vault";
import type { StoredItem, VaultStore } from "@/lib/client/vaults/vault-store";
import { itemSubtitle } from "@/lib/client/vaults/templates";
import { ItemTypeIcon } from "@/components/vaults/item-type-icon";
import { useVaultStore, useVaultStoreVersion } from "@/components/vaults/use-vault";

/** Results shown at once: the palette is for finding one item, not browsing thousands. */
const PALETTE_LIMIT = 50;

type Row = SearchRow & { vault: OpenedVault; item: StoredItem };

const noFilters = { vaultId: "", type: "", environment: "", tag: "" };

/** Every decrypted item of every vault in the list, in title order. */
function paletteRows(store: VaultStore | null): { rows: Row[]; done: number; total: number } {
  let rows: Row[] = [];
  let done = 0;
  let total = 0;
  for (const vault of store?.vaultList().vaults ?? []) {
    if (!vault.key) continue;
    total += vault.summary.itemCount;
    const state = store?.vault(vault.summary.id);
    if (!state) continue;
    done += state.complete ? vault.summary.itemCount : state.items.length;
    rows = mergeByTitle(
      rows,
      state.items.map((item) => ({
        vault,
        item,
        vaultId: vault.summary.id,
        environment: vault.summary.environment,
        plaintext: item.plaintext,
        text: item.text,
      })),
    );
  }
  return { rows, done, total };
}

/**
 * The palette itself: a WAI-ARIA combobox whose listbox holds plain options (no links or
 * buttons inside them), driven by the keyboard — arrows move, Enter opens, Escape closes.
 */
export function PaletteDialog({
  onClose,
  initialQuery = "",
  onOpened,
}: {
  onClose: () => void;
  /** What was typed while this dialog's code loaded: the search box starts with it. */
  initialQuery?: string;
  /** Called once the search box has the focus and takes the keys itself. */
  onOpened?: () => void;
}) {
  const router = useRouter();
  const store = useVaultStore();
  const version = useVaultStoreVersion(store);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const optionId = useId();
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);

  useLayoutEffect(() => {
    dialogRef.current?.showModal();
    // showModal() focuses the first focusable element only by the HTML autofocus attribute,
    // which React's autoFocus does not set: focus the search box explicitly.
    const input = inputRef.current;
    input?.focus();
    // The caret after anything typed ahead, where the next key continues it.
    input?.setSelectionRange(input.value.length, input.value.length);
    onOpened?.();
    // Once, when the dialog opens: a later render passes a new callback but opens nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    void store?.ensureAll();
  }, [store]);

  const { rows, done, total } = useMemo(() => {
    void version;
    return paletteRows(store);
  }, [store, version]);
  const results = useMemo(
    () => (query.trim() ? filterRows(rows, { ...noFilters, query }) : rows),
    [rows, query],
  );
  const shown = results.slice(0, PALETTE_LIMIT);
  const activeIndex = Math.min(active, Math.max(shown.length - 1, 0));

  function open(row: Row | undefined) {
    if (!row) return;
    onClose();
    router.push(`/vaults/${row.vault.summary.id}/items/${row.item.dto.id}`);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive(shown.length ? (activeIndex + 1) % shown.length : 0);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive(shown.length ? (activeIndex - 1 + shown.length) % shown.length : 0);
    } else if (event.key === "Enter") {
      event.preventDefault();
      open(shown[activeIndex]);
    }
  }

  const loading = total > 0 && done < total;
  return (
    <dialog
      ref={dialogRef}
      aria-label="Search every vault"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its panel) closes it.
        if (event.target === dialogRef.current) onClose();
      }}
      className="mx-auto mt-[12vh] w-[calc(100%-2rem)] max-w-xl rounded-2xl border border-stone-200 bg-white p-0 text-stone-900 shadow-xl backdrop:bg-black/50"
    >
      <div className="border-b border-stone-200 p-3">
        <input
          ref={inputRef}
          type="text"
          role="combobox"
          aria-label="Search every vault"
          aria-expanded={shown.length > 0}
          aria-autocomplete="list"
          // Only while the list is on screen: an id that points nowhere is invalid ARIA.
          aria-controls={shown.length > 0 ? listId : undefined}
          aria-activedescendant={shown.length > 0 ? `${optionId}-${activeIndex}` : undefined}
          placeholder="Search titles, usernames, URLs, tags…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-stone-900 placeholder:text-stone-500 focus:border-stone-500 focus:outline-2 focus:outline-stone-500"
        />
      </div>
      {shown.length > 0 && (
        <ul
          id={listId}
          role="listbox"
          aria-label="Search results"
          className="max-h-[50vh] overflow-y-auto py-1"
        >
          {shown.map((row, index) => (
            <li
              key={`${row.vaultId}:${row.item.dto.id}`}
              id={`${optionId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              onMouseMove={() => setActive(index)}
              onClick={() => open(row)}
              ref={(element) => {
                if (index === activeIndex) element?.scrollIntoView({ block: "nearest" });
              }}
              // The highlighted row: stone-900 on stone-200 (≥ 12:1), its subtitle stone-700.
              className={`flex cursor-pointer items-center gap-3 px-4 py-2 ${
                index === activeIndex ? "bg-stone-200" : ""
              }`}
            >
              <ItemTypeIcon type={row.item.plaintext?.type ?? "note"} />
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium text-stone-900">
                  {row.item.plaintext?.title || (row.item.error ? "Unreadable item" : "Untitled")}
                </span>
                <span className="block truncate text-xs text-stone-700">
                  {row.item.error ??
                    [row.item.plaintext ? itemSubtitle(row.item.plaintext) : "", row.vault.name]
                      .filter(Boolean)
                      .join(" · ")}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="border-t border-stone-200 px-4 py-2 text-xs text-stone-700">
        {loading
          ? `Decrypting ${done} of ${total} items…`
          : shown.length === 0
            ? query.trim()
              ? "No item matches."
              : "No items yet."
            : results.length > shown.length
              ? `Showing ${shown.length} of ${results.length} items. Type to narrow the list.`
              : `${results.length} ${results.length === 1 ? "item" : "items"}. ↑↓ to move, Enter to open, Esc to close.`}
      </p>
    </dialog>
  );
}
