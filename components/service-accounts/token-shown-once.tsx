"use client";

import { useState } from "react";
import { errorMessage } from "@/lib/client/api";
import { copyText } from "@/lib/client/vaults/clipboard";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";

/**
 * The only moment the token text exists outside the program it is for: the server keeps a hash
 * of its auth secret and cannot show it again.
 */
export function TokenShownOnce({ token, onClose }: { token: string; onClose: () => void }) {
  const [copied, setCopied] = useState<string | null>(null);

  async function copy() {
    try {
      // A token opens secrets like a password does: cleared from the clipboard the same way.
      await copyText(token, true);
      setCopied("Copied. The clipboard is cleared again shortly.");
    } catch (caught) {
      setCopied(errorMessage(caught));
    }
  }

  return (
    <Modal open wide onClose={onClose} title="Your new token">
      <Alert tone="warning" title="You will not see this token again">
        Copy it now into the secret store of the job or container that needs it. Coffer keeps only a
        hash: if you lose it, revoke it and make a new one.
      </Alert>
      <label htmlFor="new-token" className="mt-4 block text-sm font-medium text-stone-800">
        Token
      </label>
      <textarea
        id="new-token"
        data-testid="new-token"
        readOnly
        rows={3}
        value={token}
        onFocus={(event) => event.target.select()}
        className="mt-1.5 block w-full rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm break-all text-stone-900"
      />
      {copied && (
        <p role="status" className="mt-2 text-sm text-stone-600">
          {copied}
        </p>
      )}
      <div className="mt-4 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={() => void copy()}>
          Copy token
        </Button>
        <Button onClick={onClose}>I stored it safely</Button>
      </div>
    </Modal>
  );
}
