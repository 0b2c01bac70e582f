"use client";

import { useEffect, useId, useState } from "react";
import type { ItemField } from "@/lib/crypto";
import { copyText } from "@/lib/client/vaults/clipboard";
import { parseTotp, totpNow } from "@/lib/client/vaults/totp";
import { Button } from "@/components/ui/button";

const MULTILINE_KINDS = new Set<ItemField["kind"]>(["multiline", "private_key", "public_key"]);
const MASK = "••••••••••••";

/**
 * One field of an item as read. Secrets stay masked until "Reveal"; every reveal and copy is
 * reported through `onEvent` for the audit log.
 */
export function FieldView({
  field,
  onEvent,
  onShare,
}: {
  field: ItemField;
  onEvent: (action: "reveal" | "copy") => void;
  /** Opens the share-link dialog for a copy of this field's value (absent: no Share action). */
  onShare?: () => void;
}) {
  const labelId = useId();
  const [revealed, setRevealed] = useState(false);
  const [copied, setCopied] = useState(false);
  const multiline = MULTILINE_KINDS.has(field.kind) || field.value.includes("\n");

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

  const hidden = field.secret && !revealed;
  return (
    <div role="group" aria-labelledby={labelId} className="py-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <p id={labelId} className="text-xs font-semibold tracking-wide text-stone-500 uppercase">
            {field.name}
            {field.secret && <span className="sr-only"> (secret)</span>}
          </p>
          {field.kind === "totp" ? (
            <TotpValue seed={field.value} revealed={revealed} />
          ) : field.kind === "url" && !field.secret && field.value ? (
            <a
              href={safeUrl(field.value)}
              target="_blank"
              rel="noreferrer noopener"
              className="mt-1 block truncate text-sm text-sky-800 underline"
            >
              {field.value}
            </a>
          ) : (
            <p
              data-testid={`field-value-${field.name}`}
              className={`mt-1 font-mono text-sm break-all text-stone-900 ${multiline && !hidden ? "whitespace-pre-wrap" : ""}`}
            >
              {hidden ? MASK : field.value || <span className="text-stone-400">—</span>}
            </p>
          )}
        </div>
        <div className="flex shrink-0 gap-1">
          {field.kind === "totp" ? (
            <>
              <Button variant="ghost" size="sm" onClick={toggleReveal}>
                {revealed ? "Hide seed" : "Show seed"}
              </Button>
              <TotpCopy seed={field.value} onCopy={copy} />
            </>
          ) : (
            <>
              {field.secret && (
                <Button variant="ghost" size="sm" onClick={toggleReveal} aria-pressed={revealed}>
                  {revealed ? "Hide" : "Reveal"}
                </Button>
              )}
              <Button
                variant="secondary"
                size="sm"
                onClick={() => void copy(field.value)}
                disabled={!field.value}
              >
                {copied ? "Copied" : "Copy"}
              </Button>
            </>
          )}
          {onShare && field.value && (
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

function safeUrl(value: string): string {
  try {
    const url = new URL(value.includes("://") ? value : `https://${value}`);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : "#";
  } catch {
    return "#";
  }
}

function useNow(intervalMs: number) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function TotpValue({ seed, revealed }: { seed: string; revealed: boolean }) {
  const now = useNow(1000);
  const totp = parseTotp(seed);
  if (!seed) return <p className="mt-1 text-sm text-stone-400">—</p>;
  if (!totp) return <p className="mt-1 text-sm text-red-700">Not a valid TOTP seed</p>;
  const { code, remaining } = totpNow(totp, now);
  return (
    <div className="mt-1">
      <p className="flex items-center gap-3">
        <span data-testid="totp-code" className="font-mono text-xl tracking-widest text-stone-900">
          {code.slice(0, 3)} {code.slice(3)}
        </span>
        <span
          className="relative size-6"
          role="timer"
          aria-label={`Code changes in ${remaining} seconds`}
        >
          <svg viewBox="0 0 24 24" className="size-6 -rotate-90" aria-hidden="true">
            <circle cx="12" cy="12" r="10" fill="none" stroke="#e7e5e4" strokeWidth="3" />
            <circle
              cx="12"
              cy="12"
              r="10"
              fill="none"
              stroke={remaining <= 5 ? "#dc2626" : "#1c1917"}
              strokeWidth="3"
              strokeDasharray={`${(remaining / totp.period) * 62.8} 62.8`}
            />
          </svg>
          <span className="absolute inset-0 flex items-center justify-center text-[0.55rem] font-semibold text-stone-600">
            {remaining}
          </span>
        </span>
      </p>
      {revealed && <p className="mt-1 font-mono text-xs break-all text-stone-600">{seed}</p>}
    </div>
  );
}

function TotpCopy({ seed, onCopy }: { seed: string; onCopy: (text: string) => Promise<void> }) {
  const totp = parseTotp(seed);
  return (
    <Button
      variant="secondary"
      size="sm"
      disabled={!totp}
      onClick={() => totp && void onCopy(totpNow(totp).code)}
    >
      Copy code
    </Button>
  );
}
