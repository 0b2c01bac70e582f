"use client";

import { useId, type KeyboardEvent } from "react";
import type { SecurityKey } from "@/lib/api/mfa";
import { dateTime, relativeTime } from "@/lib/client/format";
import { Button } from "../ui/button";

const transportLabels: Record<string, string> = {
  usb: "USB",
  nfc: "NFC",
  ble: "Bluetooth",
  internal: "Built in",
  hybrid: "Phone",
  cable: "Phone",
  "smart-card": "Smart card",
};

function transportsText(transports: string[]): string {
  return [...new Set(transports.map((transport) => transportLabels[transport] ?? transport))].join(
    ", ",
  );
}

/** A nickname being edited in place. */
export interface Rename {
  keyId: string;
  value: string;
  error: string | null;
  saving: boolean;
}

/** One of the person's keys: its name (or the rename field), when added and last used. */
export function KeyRow({
  securityKey: key,
  rename,
  busy,
  renameButtonRef,
  onStartRename,
  onRenameChange,
  onRenameKeyDown,
  onSaveRename,
  onCancelRename,
  onRemove,
}: {
  securityKey: SecurityKey;
  rename: Rename | null;
  busy: boolean;
  renameButtonRef: (element: HTMLButtonElement | null) => void;
  onStartRename: () => void;
  onRenameChange: (value: string) => void;
  onRenameKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onSaveRename: () => void;
  onCancelRename: () => void;
  onRemove: () => void;
}) {
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const transports = transportsText(key.transports);
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-4 py-3" data-testid="key">
      <div className="min-w-0 flex-1">
        {rename ? (
          <div>
            <label htmlFor={inputId} className="sr-only">
              New nickname for {key.nickname}
            </label>
            <input
              id={inputId}
              value={rename.value}
              maxLength={60}
              autoComplete="off"
              disabled={rename.saving}
              aria-invalid={rename.error ? true : undefined}
              aria-describedby={rename.error ? errorId : undefined}
              onChange={(event) => onRenameChange(event.target.value)}
              onKeyDown={onRenameKeyDown}
              autoFocus
              onFocus={(event) => event.target.select()}
              className="block w-full max-w-xs rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500 disabled:bg-stone-100"
            />
            {rename.error ? (
              <p id={errorId} className="mt-1 text-sm text-red-700">
                {rename.error}
              </p>
            ) : (
              <p className="mt-1 text-xs text-stone-500">Enter saves, Escape cancels.</p>
            )}
          </div>
        ) : (
          <p className="font-medium break-words text-stone-900">{key.nickname}</p>
        )}
        <p className="mt-0.5 text-xs text-stone-500">
          Added {dateTime(key.createdAt)}
          {" · "}Last used{" "}
          {key.lastUsedAt ? (
            <span title={dateTime(key.lastUsedAt)}>{relativeTime(key.lastUsedAt)}</span>
          ) : (
            "Never"
          )}
          {transports && <> · {transports}</>}
        </p>
      </div>
      <div className="flex gap-2">
        {rename ? (
          <>
            <Button size="sm" onClick={onSaveRename} busy={rename.saving} busyLabel="Saving…">
              Save
            </Button>
            <Button variant="secondary" size="sm" onClick={onCancelRename} disabled={rename.saving}>
              Cancel
            </Button>
          </>
        ) : (
          <>
            <Button
              ref={renameButtonRef}
              variant="secondary"
              size="sm"
              onClick={onStartRename}
              disabled={busy}
              aria-label={`Rename ${key.nickname}`}
            >
              Rename
            </Button>
            <Button
              variant="secondary"
              size="sm"
              onClick={onRemove}
              disabled={busy}
              aria-label={`Remove ${key.nickname}`}
            >
              Remove
            </Button>
          </>
        )}
      </div>
    </li>
  );
}
