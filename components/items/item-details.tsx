"use client";

import type { ItemField, ItemPlaintext } from "@/lib/crypto";
import { safeLinkHref } from "@/lib/client/items/safe-link";
import { Card } from "@/components/ui/card";
import { ConnectionStringRow } from "./connection-string-row";
import { FieldView, type FieldEvent } from "./field-view";

const sectionLabel = "text-xs font-semibold tracking-wide text-stone-500 uppercase";

/** An item as read: its fields, then URLs, notes and tags. */
export function ItemDetails({
  plaintext,
  onEvent,
  onShare,
}: {
  plaintext: ItemPlaintext;
  onEvent: (action: FieldEvent) => void;
  onShare: (field: ItemField) => void;
}) {
  return (
    <Card>
      <div className="divide-y divide-stone-100">
        {plaintext.fields.map((field) => (
          <FieldView
            key={field.name}
            field={field}
            itemTitle={plaintext.title}
            onEvent={onEvent}
            onShare={() => onShare(field)}
          />
        ))}
        {plaintext.type === "database" && (
          <ConnectionStringRow plaintext={plaintext} onCopy={() => onEvent("copy")} />
        )}
        {plaintext.urls.length > 0 && (
          <div className="py-3">
            <p className={sectionLabel}>URLs</p>
            <ul className="mt-1 space-y-1 text-sm" aria-label="URLs">
              {plaintext.urls.map((url) => (
                <li key={url} className="break-all text-stone-800">
                  <UrlLink url={url} />
                </li>
              ))}
            </ul>
          </div>
        )}
        {plaintext.notes && (
          <div className="py-3">
            <p className={sectionLabel}>Notes</p>
            <p className="mt-1 text-sm break-words whitespace-pre-wrap text-stone-800">
              {plaintext.notes}
            </p>
          </div>
        )}
        {plaintext.tags.length > 0 && (
          <ul className="flex flex-wrap gap-1.5 py-3" aria-label="Tags">
            {plaintext.tags.map((tag) => (
              <li
                key={tag}
                className="max-w-full rounded-full bg-stone-100 px-2 py-0.5 text-xs break-all text-stone-700"
              >
                {tag}
              </li>
            ))}
          </ul>
        )}
        {plaintext.fields.length === 0 && !plaintext.notes && (
          <p className="py-3 text-sm text-stone-500">This item has no fields yet.</p>
        )}
      </div>
    </Card>
  );
}

/** A web address opens in a new tab with no opener or referrer; anything else stays text. */
function UrlLink({ url }: { url: string }) {
  const href = safeLinkHref(url);
  if (!href) return <span>{url}</span>;
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className="text-sky-800 underline">
      {url}
    </a>
  );
}
