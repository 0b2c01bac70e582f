"use client";

import { useState } from "react";
import type { SharePayload } from "@/lib/crypto/share-link";
import { copyText } from "@/lib/client/vaults/clipboard";
import { saveFile } from "@/lib/client/save-file";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { countOf } from "@/lib/client/format";

function formatBytes(count: number): string {
  if (count < 1024) return `${count} bytes`;
  if (count < 1024 * 1024) return `${(count / 1024).toFixed(1)} KiB`;
  return `${(count / 1024 / 1024).toFixed(2)} MiB`;
}

/** A file name the recipient's system accepts, from the sender's (which is only a hint). */
function safeFileName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim();
  return cleaned.length > 0 ? cleaned.slice(0, 200) : "shared-file";
}

/**
 * What the link carried, decrypted on this device. It exists only in this page's memory: the
 * server has spent the view, so a reload shows nothing; Copy and Download are the way to keep it.
 */
export function RevealedSecret({
  payload,
  viewsLeft,
}: {
  payload: SharePayload;
  viewsLeft: number;
}) {
  const [status, setStatus] = useState<string | null>(null);

  async function copy(text: string) {
    try {
      await copyText(text, true);
      setStatus("Copied. The clipboard is cleared again shortly.");
    } catch {
      setStatus("The browser did not allow copying. Select the text and copy it yourself.");
    }
  }

  const title = payload.kind === "field" ? payload.fieldName : null;
  return (
    <div className="space-y-4">
      {payload.note && (
        <div>
          <p className="text-xs font-semibold tracking-wide text-stone-500 uppercase">
            Note from the sender
          </p>
          <p data-testid="share-note" className="mt-1 text-sm whitespace-pre-wrap text-stone-800">
            {payload.note}
          </p>
        </div>
      )}
      {payload.kind === "file" ? (
        <div className="rounded-lg border border-stone-200 bg-stone-50 px-4 py-3">
          <p className="font-medium break-all text-stone-900">{payload.name}</p>
          <p className="text-sm text-stone-500">
            {formatBytes(payload.bytes.length)}
            {payload.mimeType ? ` · ${payload.mimeType}` : ""}
          </p>
          <Button
            className="mt-3"
            onClick={() =>
              saveFile(
                [payload.bytes.slice().buffer],
                safeFileName(payload.name),
                "application/octet-stream",
              )
            }
          >
            Download file
          </Button>
        </div>
      ) : (
        <div>
          <label
            htmlFor="shared-secret"
            className="block text-xs font-semibold tracking-wide text-stone-500 uppercase"
          >
            {title ?? "Secret"}
          </label>
          <textarea
            id="shared-secret"
            data-testid="shared-secret"
            readOnly
            rows={Math.min(12, Math.max(2, payload.text.split("\n").length))}
            value={payload.text}
            className="mt-1.5 block w-full rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm break-all text-stone-900"
          />
          <div className="mt-3 flex flex-wrap gap-2">
            <Button onClick={() => void copy(payload.text)}>Copy</Button>
            <Button
              variant="secondary"
              onClick={() =>
                saveFile([payload.text], `${safeFileName(title ?? "secret")}.txt`, "text/plain")
              }
            >
              Download as a file
            </Button>
          </div>
        </div>
      )}
      {status && (
        <p role="status" className="text-sm text-stone-600">
          {status}
        </p>
      )}
      <Alert tone="info">
        {viewsLeft > 0
          ? `This link can be opened ${countOf(viewsLeft, "more time", "more times")}.`
          : "This link cannot be opened again: keep the secret somewhere safe before you leave this page."}
      </Alert>
    </div>
  );
}
