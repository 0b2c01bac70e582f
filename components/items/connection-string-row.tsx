"use client";

import { useId, useState } from "react";
import type { ItemPlaintext } from "@/lib/crypto";
import {
  connectionString,
  databaseParts,
  DATABASE_ENGINES,
  ENGINE_LABELS,
  guessEngine,
  type DatabaseEngine,
} from "@/lib/client/items/connection-string";
import { copyText } from "@/lib/client/vaults/clipboard";
import { Button } from "@/components/ui/button";

/**
 * Copies the database item as one connection string for the chosen engine. It holds the
 * password, so it is a secret copy: reported, and cleared from the clipboard after the delay.
 * The string is never shown, so it cannot be read over a shoulder.
 */
export function ConnectionStringRow({
  plaintext,
  onCopy,
}: {
  plaintext: ItemPlaintext;
  onCopy: () => void;
}) {
  const engineId = useId();
  const [engine, setEngine] = useState<DatabaseEngine>(() => guessEngine(plaintext));
  const [copied, setCopied] = useState(false);
  const parts = databaseParts(plaintext);
  if (!parts.host) return null;

  async function copy() {
    await copyText(connectionString(engine, parts), true);
    onCopy();
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }

  return (
    <div className="flex flex-wrap items-end justify-between gap-2 py-3">
      <div className="min-w-0 flex-1 basis-48">
        <label
          htmlFor={engineId}
          className="text-xs font-semibold tracking-wide text-stone-500 uppercase"
        >
          Connection string
        </label>
        <select
          id={engineId}
          value={engine}
          onChange={(event) =>
            setEngine(DATABASE_ENGINES.find((option) => option === event.target.value) ?? engine)
          }
          className="mt-1 block w-full max-w-60 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm"
        >
          {DATABASE_ENGINES.map((option) => (
            <option key={option} value={option}>
              {ENGINE_LABELS[option]}
            </option>
          ))}
        </select>
      </div>
      <Button variant="secondary" size="sm" onClick={() => void copy()}>
        {copied ? "Copied" : "Copy connection string"}
      </Button>
    </div>
  );
}
