"use client";

import { useCallback, useState } from "react";
import { decryptItem, diffItems, type ItemChange, type ItemPlaintext } from "@/lib/crypto";
import { dateTime } from "@/lib/client/format";
import { INTEGRITY_MESSAGE } from "@/lib/client/vaults/open-vault";
import { vaultApi } from "@/lib/client/vaults/vault-api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { useResource } from "@/components/ui/use-resource";

type Revision = {
  revision: number;
  authorId: string;
  createdAt: string;
  plaintext: ItemPlaintext | null;
};

const EMPTY: ItemPlaintext = { type: "note", title: "", fields: [], notes: "", urls: [], tags: [] };

/**
 * Every stored revision, decrypted here. Old revisions are expected to be older, so they skip
 * the rollback guard, but each still has to open under its own AD (item, version, revision).
 */
export function ItemHistory({
  vaultId,
  itemId,
  vaultKey,
  authorName,
  canRestore,
  onRestore,
  onReveal,
}: {
  vaultId: string;
  itemId: string;
  vaultKey: Uint8Array;
  authorName: (userId: string) => string;
  canRestore: boolean;
  onRestore: (plaintext: ItemPlaintext) => Promise<void>;
  onReveal: () => void;
}) {
  const load = useCallback(async () => {
    const { revisions: list } = await vaultApi.history(vaultId, itemId);
    return list
      .map((entry) => ({
        revision: entry.revision,
        authorId: entry.authorId,
        createdAt: entry.createdAt,
        plaintext: openRevision(vaultKey, entry, vaultId, itemId),
      }))
      .sort((a, b) => b.revision - a.revision);
  }, [vaultId, itemId, vaultKey]);
  const { data: revisions, error } = useResource<Revision[]>(load);
  const [picked, setSelected] = useState<number | null>(null);
  // Until one is picked, the newest revision is shown.
  const selected = picked ?? revisions?.[0]?.revision ?? null;
  const restore = useAction(onRestore);

  if (error) return <Alert>{error}</Alert>;
  if (!revisions)
    return (
      <p role="status" className="text-sm text-stone-500">
        Loading history…
      </p>
    );

  const index = revisions.findIndex((entry) => entry.revision === selected);
  const chosen = revisions[index];
  const previous = revisions[index + 1];

  return (
    <div className="grid gap-4 md:grid-cols-[14rem_1fr]">
      <ol aria-label="Revisions" className="space-y-1">
        {revisions.map((entry) => (
          <li key={entry.revision}>
            <button
              type="button"
              onClick={() => setSelected(entry.revision)}
              aria-current={entry.revision === selected ? "true" : undefined}
              className={`w-full rounded-lg px-3 py-2 text-left text-sm ${entry.revision === selected ? "bg-stone-900 text-white" : "hover:bg-stone-100"}`}
            >
              <span className="block font-medium">
                Revision {entry.revision}
                {entry === revisions[0] ? " (current)" : ""}
              </span>
              <span
                className={`block text-xs ${entry.revision === selected ? "text-stone-300" : "text-stone-500"}`}
              >
                {authorName(entry.authorId)} · {dateTime(entry.createdAt)}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <div>
        {chosen && !chosen.plaintext && <Alert>{INTEGRITY_MESSAGE}</Alert>}
        {chosen?.plaintext && (
          <>
            <h3 className="text-sm font-semibold text-stone-900">
              {previous
                ? `Changes from revision ${previous.revision} to ${chosen.revision}`
                : `Revision ${chosen.revision} created the item`}
            </h3>
            <DiffTable
              changes={diffItems(
                previous?.plaintext ?? { ...EMPTY, type: chosen.plaintext.type },
                chosen.plaintext,
              )}
              onReveal={onReveal}
            />
            {canRestore && chosen !== revisions[0] && (
              <Button
                className="mt-4"
                variant="secondary"
                busy={restore.pending}
                busyLabel="Restoring…"
                onClick={() => {
                  if (chosen.plaintext) void restore.run(chosen.plaintext);
                }}
              >
                Restore this version
              </Button>
            )}
            {restore.error && <Alert className="mt-4">{restore.error.message}</Alert>}
          </>
        )}
      </div>
    </div>
  );
}

/** A revision's plaintext, or null when it does not open under its own AD. */
function openRevision(
  vaultKey: Uint8Array,
  entry: { ciphertext: string; keyVersion: number; revision: number },
  vaultId: string,
  itemId: string,
): ItemPlaintext | null {
  try {
    return decryptItem(vaultKey, entry.ciphertext, {
      vaultId,
      itemId,
      keyVersion: entry.keyVersion,
      revision: entry.revision,
    });
  } catch {
    return null;
  }
}

function DiffTable({ changes, onReveal }: { changes: ItemChange[]; onReveal: () => void }) {
  const [revealed, setRevealed] = useState(false);
  if (changes.length === 0) return <p className="mt-2 text-sm text-stone-500">No changes.</p>;
  const hasSecret = changes.some((change) => change.secret);
  const show = (change: ItemChange, value: string | undefined) =>
    value === undefined ? "" : change.secret && !revealed ? "••••••••" : value;
  return (
    <div className="mt-2">
      {hasSecret && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            if (!revealed) onReveal();
            setRevealed(!revealed);
          }}
        >
          {revealed ? "Hide secrets" : "Reveal"}
        </Button>
      )}
      <table className="mt-2 w-full table-fixed text-left text-sm">
        <thead className="text-xs tracking-wide text-stone-500 uppercase">
          <tr>
            <th className="w-1/4 py-1 font-semibold">Field</th>
            <th className="py-1 font-semibold">Before</th>
            <th className="py-1 font-semibold">After</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100 align-top">
          {changes.map((change, index) => (
            <tr key={`${change.path}-${index}`} data-testid="diff-row">
              <td className="py-2 pr-2 font-medium text-stone-800">
                {change.path.replace(/^fields\./, "")}
                <span className="ml-1 text-xs font-normal text-stone-500">({change.kind})</span>
              </td>
              <td className="py-2 pr-2 font-mono text-xs break-all whitespace-pre-wrap text-red-800">
                {show(change, change.before)}
              </td>
              <td className="py-2 font-mono text-xs break-all whitespace-pre-wrap text-emerald-800">
                {show(change, change.after)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
