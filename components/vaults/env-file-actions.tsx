"use client";

import { useState } from "react";
import type { ItemPlaintext } from "@/lib/crypto";
import { errorMessage } from "@/lib/client/api";
import { envFileInBrowser } from "@/lib/client/export";
import { saveFile } from "@/lib/client/save-file";
import { copyText } from "@/lib/client/vaults/clipboard";
import { Button } from "../ui/button";

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
  const [message, setMessage] = useState<{ tone: "error" | "info"; text: string } | null>(null);
  const [busy, setBusy] = useState<"download" | "copy" | null>(null);

  async function run(kind: "download" | "copy") {
    setBusy(kind);
    setMessage(null);
    try {
      const { text, skipped } = await envFileInBrowser({ vaultId, itemId, plaintext });
      if (kind === "download") {
        saveFile(
          [text],
          `${plaintext.title.replace(/[^\w.-]+/g, "_") || "item"}.env`,
          "text/plain",
        );
      } else {
        await copyText(text, true);
      }
      const left =
        skipped.length > 0 ? ` Left out (not variable names): ${skipped.join(", ")}.` : "";
      setMessage({
        tone: "info",
        text: `${kind === "download" ? "Downloaded" : "Copied"} as .env.${left}`,
      });
    } catch (caught) {
      setMessage({ tone: "error", text: errorMessage(caught) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" busy={busy === "download"} onClick={() => void run("download")}>
        Download .env
      </Button>
      <Button variant="secondary" busy={busy === "copy"} onClick={() => void run("copy")}>
        Copy as .env
      </Button>
      {message ? (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={`text-sm ${message.tone === "error" ? "text-red-700" : "text-stone-600"}`}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
