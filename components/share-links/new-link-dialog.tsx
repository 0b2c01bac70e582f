"use client";

import { useState } from "react";
import { SHARE_FILE_MAX_BYTES, SHARE_TEXT_MAX_BYTES } from "@/lib/crypto";
import { ShareDialog, type ShareContent } from "./share-dialog";

type Kind = "text" | "file";
type PickedFile = { name: string; mimeType: string; bytes: Uint8Array };

const textBytes = (text: string) => new TextEncoder().encode(text).length;

/** A link to free text (up to 64 KiB) or a file (up to 1 MiB) that is in no vault. */
export function NewLinkDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: () => void;
}) {
  const [kind, setKind] = useState<Kind>("text");
  const [text, setText] = useState("");
  const [file, setFile] = useState<PickedFile | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function pick(list: FileList | null) {
    const picked = list?.[0];
    setFile(null);
    setProblem(null);
    if (!picked) return;
    if (picked.size > SHARE_FILE_MAX_BYTES) {
      return setProblem("That file is larger than 1 MiB: a link carries at most 1 MiB.");
    }
    const bytes = new Uint8Array(await picked.arrayBuffer());
    setFile({ name: picked.name, mimeType: picked.type || "application/octet-stream", bytes });
  }

  /** What to share, or null with the reason shown under the input. */
  function content(): ShareContent | null {
    const refusal =
      kind === "text"
        ? text.length === 0
          ? "Type or paste the text to share."
          : textBytes(text) > SHARE_TEXT_MAX_BYTES
            ? "The text is longer than 64 KiB: share it as a file instead."
            : null
        : file
          ? null
          : (problem ?? "Choose the file to share.");
    setProblem(refusal);
    if (refusal) return null;
    if (kind === "text") {
      return { payload: (note) => ({ kind: "text", text, ...(note ? { note } : {}) }) };
    }
    const picked = file as PickedFile;
    return { payload: (note) => ({ kind: "file", ...picked, ...(note ? { note } : {}) }) };
  }

  return (
    <ShareDialog
      title="New link"
      description="Share text or a file with someone who has no Coffer account. It is encrypted on this device; Coffer cannot read it."
      content={content}
      onClose={onClose}
      onCreated={onCreated}
    >
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">What to share</legend>
        <div className="mt-1.5 flex gap-4 text-sm">
          {(["text", "file"] as const).map((option) => (
            <label key={option} className="flex items-center gap-2">
              <input
                type="radio"
                name="share-kind"
                value={option}
                checked={kind === option}
                onChange={() => {
                  setKind(option);
                  setProblem(null);
                }}
              />
              {option === "text" ? "Text" : "A file"}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === "text" ? (
        <div>
          <label htmlFor="share-text" className="block text-sm font-medium text-stone-800">
            Text to share
          </label>
          <textarea
            id="share-text"
            rows={5}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby="share-text-hint"
            className="mt-1.5 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 font-mono text-sm text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500"
          />
          <p id="share-text-hint" className="mt-1.5 text-xs text-stone-500">
            Up to 64 KiB: a password, a key, a few lines of configuration.
          </p>
        </div>
      ) : (
        <div>
          <label htmlFor="share-file" className="block text-sm font-medium text-stone-800">
            File to share
          </label>
          <input
            id="share-file"
            type="file"
            onChange={(event) => void pick(event.target.files)}
            aria-invalid={problem ? true : undefined}
            aria-describedby="share-file-hint"
            className="mt-1.5 block w-full text-sm text-stone-700"
          />
          <p id="share-file-hint" className="mt-1.5 text-xs text-stone-500">
            Up to 1 MiB: a certificate, a key file, a kubeconfig.
          </p>
        </div>
      )}
      {problem && (
        <p role="alert" className="text-sm text-red-700">
          {problem}
        </p>
      )}
    </ShareDialog>
  );
}
