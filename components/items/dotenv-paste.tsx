"use client";

import { useState } from "react";
import { parseDotenv, type DotenvEntry } from "@/lib/sdk/dotenv";
import { Button } from "@/components/ui/button";
import { TextArea } from "./text-area";

/** "Paste .env": reads KEY=value lines into variables; lines it cannot read are named. */
export function DotenvPaste({ onImport }: { onImport: (entries: DotenvEntry[]) => void }) {
  const [text, setText] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="space-y-2 rounded-lg bg-stone-50 p-3 ring-1 ring-stone-200">
      <TextArea
        label="Paste .env"
        rows={4}
        value={text}
        onChange={setText}
        mono
        hint="Lines like KEY=value or export KEY=value; comments are skipped."
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          size="sm"
          disabled={!text.trim()}
          onClick={() => {
            const { entries, errors } = parseDotenv(text);
            onImport(entries);
            setText("");
            setMessage(
              `Imported ${entries.length} ${entries.length === 1 ? "variable" : "variables"}` +
                (errors.length
                  ? `; skipped line ${errors.map((error) => error.line).join(", ")}.`
                  : "."),
            );
          }}
        >
          Import
        </Button>
        {message && (
          <span role="status" className="text-xs text-stone-600">
            {message}
          </span>
        )}
      </div>
    </div>
  );
}
