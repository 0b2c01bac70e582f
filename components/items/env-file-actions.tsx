"use client";

import { useState } from "react";
import type { ItemPlaintext } from "@/lib/crypto";
import { envFileInBrowser } from "@/lib/client/export";
import { saveFile } from "@/lib/client/save-file";
import { copyText } from "@/lib/client/vaults/clipboard";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

type EnvAction = "download" | "copy";

/**
 * "Download .env" and "Copy as .env" for an environment-file item: the text is made here with
 * the `coffer env` serialiser, recorded as an `env` export (named by item, no values), then
 * handed to a Blob download or the clipboard (cleared after the usual delay).
 */
export function EnvFileActions({
  vaultId,
  itemId,
  plaintext,
}: {
  vaultId: string;
  itemId: string;
  plaintext: ItemPlaintext;
}) {
  const [running, setRunning] = useState<EnvAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction(async (kind: EnvAction) => {
    const { text, skipped } = await envFileInBrowser({ vaultId, itemId, plaintext });
    if (kind === "download") {
      saveFile([text], `${plaintext.title.replace(/[^\w.-]+/g, "_") || "item"}.env`, "text/plain");
    } else {
      await copyText(text, true);
    }
    const left = skipped.length > 0 ? ` Left out (not variable names): ${skipped.join(", ")}.` : "";
    setDone(`${kind === "download" ? "Downloaded" : "Copied"} as .env.${left}`);
  });

  async function run(kind: EnvAction) {
    setRunning(kind);
    setDone(null);
    await action.run(kind);
    setRunning(null);
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        busy={action.pending && running === "download"}
        onClick={() => void run("download")}
      >
        Download .env
      </Button>
      <Button
        variant="secondary"
        busy={action.pending && running === "copy"}
        onClick={() => void run("copy")}
      >
        Copy as .env
      </Button>
      {action.error ? (
        <p role="alert" className="text-sm text-red-700">
          {action.error.message}
        </p>
      ) : done ? (
        <p role="status" className="text-sm text-stone-600">
          {done}
        </p>
      ) : null}
    </div>
  );
}
