"use client";

import { useId, useState } from "react";
import { Button } from "../ui/button";

/** Plain text for the .txt download: the codes, and what they are for. */
export function recoveryCodesText(codes: string[], email?: string, now = new Date()): string {
  return [
    "Coffer recovery codes",
    "=====================",
    "",
    ...(email ? [`Account:  ${email}`] : []),
    `Created:  ${now.toISOString().slice(0, 10)}`,
    "",
    ...codes,
    "",
    "Each code signs you in once instead of your security key, for when the key is lost.",
    "Keep them somewhere safe and private, apart from your security keys.",
    "Making new codes in Coffer's settings makes these ones useless.",
    "",
  ].join("\n");
}

function downloadText(text: string, fileName: string) {
  const blob = new Blob([text], { type: "text/plain;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled so the download can start.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The only moment the recovery codes are shown: the server keeps hashes. The person moves on
 * only after saying they saved them.
 */
export function RecoveryCodes({
  codes,
  email,
  onContinue,
  headingLevel = 1,
  continueLabel = "Continue",
}: {
  codes: string[];
  email?: string;
  onContinue: () => void;
  headingLevel?: 1 | 2;
  continueLabel?: string;
}) {
  const [saved, setSaved] = useState(false);
  const [copyNote, setCopyNote] = useState("");
  const checkboxId = useId();
  const listId = useId();
  const Heading = headingLevel === 1 ? "h1" : "h2";

  async function copy() {
    try {
      // Not the secret clipboard (which clears itself): the point is to paste them elsewhere.
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopyNote("Copied to the clipboard.");
    } catch {
      setCopyNote("Copying was refused by the browser: select the codes and copy them by hand.");
    }
  }

  return (
    <div className="space-y-5">
      <div>
        <Heading className="text-xl font-semibold text-stone-900">Save your recovery codes</Heading>
        <p className="mt-2 text-sm text-stone-600">
          If you lose your security key, each of these codes signs you in once in its place. This is
          the only time Coffer shows them: keep them somewhere safe, apart from your keys.
        </p>
      </div>
      <ol
        id={listId}
        aria-label="Recovery codes"
        className="grid grid-cols-2 gap-2 rounded-lg bg-stone-50 p-4 ring-1 ring-stone-200"
      >
        {codes.map((code) => (
          <li
            key={code}
            data-testid="recovery-code"
            className="font-mono text-sm tracking-wide text-stone-900 select-all"
          >
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" size="sm" onClick={copy} aria-controls={listId}>
          Copy
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={() =>
            downloadText(
              recoveryCodesText(codes, email),
              email ? `Coffer recovery codes - ${email}.txt` : "Coffer recovery codes.txt",
            )
          }
        >
          Download
        </Button>
      </div>
      <p role="status" className="min-h-4 text-xs text-stone-600">
        {copyNote}
      </p>
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (saved) onContinue();
        }}
      >
        <div className="flex items-start gap-3">
          <input
            id={checkboxId}
            type="checkbox"
            checked={saved}
            onChange={(event) => setSaved(event.target.checked)}
            className="mt-0.5 size-4 rounded border-stone-400 accent-stone-900"
          />
          <label htmlFor={checkboxId} className="text-sm text-stone-800">
            I have saved these codes
          </label>
        </div>
        <Button type="submit" disabled={!saved}>
          {continueLabel}
        </Button>
      </form>
    </div>
  );
}
