"use client";

import { useState, useSyncExternalStore } from "react";
import {
  DEFAULT_CLIPBOARD_CLEAR_SECONDS,
  readClipboardClearSeconds,
  writeClipboardClearSeconds,
} from "@/lib/client/vaults/clipboard";
import { durationText } from "@/lib/client/format";
import { SelectField } from "./select-field";

const noSubscription = () => () => {};
const CHOICES = [10, 20, 30, 60, 120, 300, 0];

/** Per device, like auto-lock: how long a copied secret may stay on this machine's clipboard. */
export function ClipboardSetting() {
  const stored = useSyncExternalStore(
    noSubscription,
    readClipboardClearSeconds,
    () => DEFAULT_CLIPBOARD_CLEAR_SECONDS,
  );
  const [value, setValue] = useState<number | null>(null);
  const shown = value ?? stored;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-stone-600">
      <SelectField
        label="Clear copied secrets from the clipboard (this device)"
        className="w-full sm:w-auto"
        value={String(shown)}
        onChange={(next) => {
          writeClipboardClearSeconds(Number(next));
          setValue(Number(next));
        }}
        options={[...new Set([...CHOICES, shown])].map((seconds) => ({
          value: String(seconds),
          label: seconds === 0 ? "Never" : `After ${durationText(seconds)}`,
        }))}
      />
    </div>
  );
}
