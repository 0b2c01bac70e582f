"use client";

import { useState } from "react";
import { errorMessage } from "@/lib/client/api";
import { copyText } from "@/lib/client/vaults/clipboard";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { QrCode } from "./qr-code";

/**
 * The only moment the link exists outside the recipient's hands: its secret lives in the URL
 * fragment, which the server never receives, so nobody can show it again.
 */
export function LinkShownOnce({ url, onDone }: { url: string; onDone: () => void }) {
  const [status, setStatus] = useState<string | null>(null);

  async function copy() {
    try {
      // The link opens the secret as a password would: cleared from the clipboard the same way.
      await copyText(url, true);
      setStatus("Copied. The clipboard is cleared again shortly.");
    } catch (caught) {
      setStatus(errorMessage(caught));
    }
  }

  return (
    <div className="space-y-4">
      <Alert tone="warning" title="You will not see this link again">
        Copy it now and send it to the recipient. Coffer cannot show it again: the key is in the
        part after #, which never reaches the server. Anyone with the link can open it, so send it
        over a channel you trust, and the passphrase (if any) over another.
      </Alert>
      <div>
        <label htmlFor="share-link-url" className="block text-sm font-medium text-stone-800">
          Link
        </label>
        <textarea
          id="share-link-url"
          data-testid="share-link-url"
          readOnly
          rows={3}
          value={url}
          onFocus={(event) => event.target.select()}
          className="mt-1.5 block w-full rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm break-all text-stone-900"
        />
      </div>
      <div className="flex justify-center">
        <QrCode text={url} label="QR code of the link, to open it on a phone" />
      </div>
      {status && (
        <p role="status" className="text-sm text-stone-600">
          {status}
        </p>
      )}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={() => void copy()}>
          Copy link
        </Button>
        <Button onClick={onDone}>Done</Button>
      </div>
    </div>
  );
}
