"use client";

import { useCallback, useId, useState } from "react";
import type { ItemFlagDto } from "@/lib/api/rotation";
import { rotationApi } from "@/lib/client/rotation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { useAction } from "@/components/ui/use-action";

const NOTE_LIMIT = 500;

/**
 * For a secret rotated outside Coffer (a cloud console, a database): clears the item's flags
 * with a note saying what was done, which the tracker and the audit log keep.
 */
export function MarkRotatedDialog({
  flag,
  itemTitle,
  onClose,
  onDone,
}: {
  flag: ItemFlagDto;
  itemTitle: string;
  onClose: () => void;
  onDone: (flag: ItemFlagDto) => void;
}) {
  const noteId = useId();
  const [note, setNote] = useState("");
  const [noteMissing, setNoteMissing] = useState(false);
  const trimmed = note.trim();
  // On success the dialog closes, so pending is only ever cleared by a failure.
  const mark = useAction(
    useCallback(
      async (text: string) => onDone(await rotationApi.markRotated(flag.id, text)),
      [flag.id, onDone],
    ),
  );
  const busy = mark.pending;
  const error = noteMissing ? "Say what was done, for the record." : (mark.error?.message ?? null);

  function save() {
    setNoteMissing(!trimmed);
    mark.clearError();
    if (trimmed) void mark.run(trimmed);
  }

  return (
    <Modal
      open
      busy={busy}
      onClose={onClose}
      title={`Mark ${itemTitle} rotated`}
      description="Use this when the secret was changed somewhere else. Every open flag of this item clears. If the new value belongs in Coffer, edit the item instead: saving it clears the flags too."
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div>
          <label htmlFor={noteId} className="block text-sm font-medium text-stone-800">
            What was done
          </label>
          <textarea
            id={noteId}
            value={note}
            required
            maxLength={NOTE_LIMIT}
            rows={3}
            onChange={(event) => setNote(event.target.value)}
            aria-describedby={`${noteId}-hint`}
            className="mt-1.5 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500"
          />
          <p id={`${noteId}-hint`} className="mt-1.5 text-xs text-stone-500">
            Required. For example: “Key revoked in the AWS console, new key in the deploy vault.” (
            {note.length}/{NOTE_LIMIT})
          </p>
        </div>
        {error && <Alert>{error}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" disabled={!trimmed} busy={busy} busyLabel="Saving…">
            Mark rotated
          </Button>
        </div>
      </form>
    </Modal>
  );
}
