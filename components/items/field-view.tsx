"use client";

import { useId, useState } from "react";
import type { ItemField } from "@/lib/crypto";
import { safeLinkHref } from "@/lib/client/items/safe-link";
import { copyText } from "@/lib/client/vaults/clipboard";
import { Button } from "@/components/ui/button";
import { KeyFileButton } from "./key-file-button";
import { TotpCopy, TotpValue } from "./totp-value";

const MULTILINE_KINDS = new Set<ItemField["kind"]>(["multiline", "private_key", "public_key"]);
const MASK = "••••••••••••";

export type FieldEvent = "reveal" | "copy";

/**
 * One field of an item as read. Secrets stay masked until "Reveal"; every reveal, copy and key
 * download is reported through `onEvent` for the audit log. An empty secret says so instead of
 * showing a mask that would suggest something is stored.
 */
export function FieldView({
  field,
  itemTitle,
  onEvent,
  onShare,
}: {
  field: ItemField;
  itemTitle: string;
  onEvent: (action: FieldEvent) => void;
  /** Opens the share-link dialog for a copy of this field's value (absent: no Share action). */
  onShare?: () => void;
}) {
  const labelId = useId();
  const [revealed, setRevealed] = useState(false);
  const [copied, setCopied] = useState(false);
  const empty = field.value === "";

  async function copy(text: string) {
    await copyText(text, field.secret);
    if (field.secret) onEvent("copy");
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }

  function toggleReveal() {
    if (!revealed) onEvent("reveal");
    setRevealed(!revealed);
  }

  return (
    <div role="group" aria-labelledby={labelId} className="py-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1 basis-48">
          <p id={labelId} className="text-xs font-semibold tracking-wide text-stone-500 uppercase">
            {field.name}
            {field.secret && <span className="sr-only"> (secret)</span>}
          </p>
          {field.kind === "totp" ? (
            <TotpValue seed={field.value} revealed={revealed} />
          ) : (
            <FieldValue field={field} hidden={field.secret && !revealed} />
          )}
        </div>
        <div className="flex shrink-0 flex-wrap gap-1">
          {field.kind === "totp" ? (
            <>
              <Button variant="ghost" size="sm" onClick={toggleReveal} disabled={empty}>
                {revealed ? "Hide seed" : "Show seed"}
              </Button>
              <TotpCopy seed={field.value} onCopy={copy} />
            </>
          ) : (
            <>
              {field.secret && !empty && (
                <Button variant="ghost" size="sm" onClick={toggleReveal} aria-pressed={revealed}>
                  {revealed ? "Hide" : "Reveal"}
                </Button>
              )}
              <Button
                variant="secondary"
                size="sm"
                onClick={() => void copy(field.value)}
                disabled={empty}
              >
                {copied ? "Copied" : "Copy"}
              </Button>
            </>
          )}
          {(field.kind === "private_key" || field.kind === "public_key") && !empty && (
            <KeyFileButton
              name={field.name}
              value={field.value}
              kind={field.kind}
              itemTitle={itemTitle}
              onDownload={() => field.secret && onEvent("copy")}
            />
          )}
          {onShare && !empty && (
            <Button
              variant="ghost"
              size="sm"
              onClick={onShare}
              aria-label={`Share ${field.name} by link`}
            >
              Share…
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}

function FieldValue({ field, hidden }: { field: ItemField; hidden: boolean }) {
  const testId = `field-value-${field.name}`;
  if (field.value === "") {
    return (
      <p data-testid={testId} className="mt-1 text-sm text-stone-500 italic">
        Empty
      </p>
    );
  }
  const href = field.kind === "url" && !field.secret ? safeLinkHref(field.value) : null;
  if (href) {
    return (
      <a
        data-testid={testId}
        href={href}
        target="_blank"
        rel="noopener noreferrer"
        className="mt-1 block text-sm break-all text-sky-800 underline"
      >
        {field.value}
      </a>
    );
  }
  const multiline = MULTILINE_KINDS.has(field.kind) || field.value.includes("\n");
  return (
    <p
      data-testid={testId}
      className={`mt-1 font-mono text-sm break-all text-stone-900 ${multiline && !hidden ? "whitespace-pre-wrap" : ""}`}
    >
      {hidden ? MASK : field.value}
    </p>
  );
}
