"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ItemField, ItemPlaintext, ItemType } from "@/lib/crypto";
import { errorMessage } from "@/lib/client/api";
import { saveItemRevision, saveNewItem } from "@/lib/client/vaults/items";
import { KEYS_CHANGED_MESSAGE } from "@/lib/client/vaults/open-vault";
import { ITEM_TYPE_LABELS, newItem } from "@/lib/client/vaults/templates";
import { isConflict, reportItemEvent, vaultApi } from "@/lib/client/vaults/vault-api";
import { useKeyring } from "@/components/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EnvironmentBadge } from "./badges";
import { EnvFileActions } from "./env-file-actions";
import { FieldView } from "./field-view";
import { ItemEditor, draftProblem, fromDraft, toDraft, type Draft } from "./item-editor";
import { ItemHistory } from "./item-history";
import { ItemTypeIcon } from "./item-type-icon";
import { useVault } from "./use-vault";
import { ItemFlagBanner } from "@/components/rotation/item-flag-banner";
import { RotationIntervalSetting } from "@/components/rotation/rotation-interval-setting";
import { ShareFieldDialog } from "@/components/share-links/share-field-dialog";

export function ItemPage({
  vaultId,
  itemId,
  newType,
}: {
  vaultId: string;
  itemId: string | null;
  newType?: ItemType;
}) {
  const keyring = useKeyring();
  const router = useRouter();
  const { vault, error, reload } = useVault(vaultId);
  const [draft, setDraft] = useState<Draft | null>(() =>
    itemId ? null : toDraft(newItem(newType ?? "login")),
  );
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  // Field problems appear once a save was tried, all at once, not while someone is typing.
  const [triedToSave, setTriedToSave] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [sharing, setSharing] = useState<ItemField | null>(null);

  const vaultHref = `/vaults/${vaultId}`;
  if (error) return <Alert>{error}</Alert>;
  if (!vault || !keyring)
    return (
      <p role="status" className="text-sm text-stone-500">
        Decrypting…
      </p>
    );
  const { opened, detail } = vault;
  if (!opened.key) {
    return (
      <Alert title="This vault cannot be opened">
        {opened.problem?.kind === "keys-changed"
          ? KEYS_CHANGED_MESSAGE
          : "Its key failed the integrity check."}
      </Alert>
    );
  }
  const key = opened.key;
  const item = itemId ? vault.items.find((entry) => entry.dto.id === itemId) : undefined;
  if (itemId && !item) {
    return (
      <Alert title="No such item">
        It may have been deleted.{" "}
        <Link href={vaultHref} className="underline">
          Back to the vault
        </Link>
      </Alert>
    );
  }
  const canEdit = detail.vault.role !== "view";
  const keyVersion = detail.vault.keyVersion;
  const authorName = (userId: string) =>
    detail.members.find((member) => member.userId === userId)?.name ?? "A former member";
  const report = (action: "reveal" | "copy") => itemId && reportItemEvent(vaultId, itemId, action);

  /**
   * `restoring`: an older revision comes back. Its secret values were exposed before, to
   * anyone who could read the history, so they do not count as new and clear no rotation flag.
   */
  async function save(plaintext: ItemPlaintext, options: { restoring?: boolean } = {}) {
    if (!keyring) return;
    setSaving(true);
    setSaveError(null);
    try {
      if (!item) {
        const created = await saveNewItem(keyring, { vaultId, key, keyVersion }, plaintext);
        router.replace(`/vaults/${vaultId}/items/${created.id}`);
        return;
      }
      const updated = await saveItemRevision(
        keyring,
        { vaultId, key, keyVersion },
        { id: item.dto.id, revision: item.dto.revision, plaintext: item.plaintext },
        plaintext,
        options,
      );
      await reload();
      setDraft(null);
      setConflict(false);
      setShowHistory(false);
      setNotice(`Saved as revision ${updated.revision}.`);
    } catch (caught) {
      if (isConflict(caught)) setConflict(true);
      else setSaveError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  async function onSave() {
    if (!draft) return;
    const problem = draftProblem(draft);
    setTriedToSave(true);
    if (problem) {
      setSaveError(problem);
      return;
    }
    await save(fromDraft(draft));
  }

  async function onDelete() {
    if (!item) return;
    setDeleteBusy(true);
    try {
      await vaultApi.deleteItem(vaultId, item.dto.id);
      router.push(vaultHref);
    } catch (caught) {
      setSaveError(errorMessage(caught));
      setDeleting(false);
      setDeleteBusy(false);
    }
  }

  const plaintext = item?.plaintext ?? null;
  const type = draft?.type ?? plaintext?.type ?? "note";

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-stone-500">
        <Link href="/vaults" className="hover:underline">
          Vaults
        </Link>{" "}
        <span aria-hidden="true">/</span>{" "}
        <Link href={vaultHref} className="hover:underline">
          {opened.name}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <ItemTypeIcon type={type} />
        <div className="min-w-0 flex-1">
          <h1 className="truncate text-2xl font-semibold text-stone-900">
            {draft && !item
              ? `New ${ITEM_TYPE_LABELS[type].toLowerCase()}`
              : plaintext?.title || "Item"}
          </h1>
          <p className="flex items-center gap-2 text-sm text-stone-500">
            {ITEM_TYPE_LABELS[type]}
            {item && ` · revision ${item.dto.revision}`}
            <EnvironmentBadge environment={detail.vault.environment} />
          </p>
        </div>
        {item && !draft && (
          <div className="flex flex-wrap gap-2">
            <Button
              variant="secondary"
              onClick={() => setShowHistory(!showHistory)}
              aria-expanded={showHistory}
            >
              History
            </Button>
            {plaintext?.type === "env_file" && itemId && (
              <EnvFileActions vaultId={vaultId} itemId={itemId} plaintext={plaintext} />
            )}
            {canEdit && plaintext && (
              <Button
                onClick={() => {
                  setNotice(null);
                  setTriedToSave(false);
                  setDraft(toDraft(plaintext));
                }}
              >
                Edit
              </Button>
            )}
            {canEdit && (
              <Button variant="danger" onClick={() => setDeleting(true)}>
                Delete
              </Button>
            )}
          </div>
        )}
      </div>

      {item && (
        <ItemFlagBanner vaultId={vaultId} itemId={item.dto.id} revision={item.dto.revision} />
      )}
      {notice && <Alert tone="success">{notice}</Alert>}
      {item?.error && <Alert title="Integrity check failed">{item.error}</Alert>}
      {conflict && (
        <Alert tone="warning" title="Someone else saved this item — Reload">
          <p>
            Your edits are still below. Reload fetches their version; saving afterwards replaces it
            with yours.
          </p>
          <Button
            className="mt-2"
            variant="secondary"
            size="sm"
            onClick={async () => {
              await reload();
              setConflict(false);
            }}
          >
            Reload
          </Button>
        </Alert>
      )}

      {draft ? (
        <Card>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void onSave();
            }}
            noValidate
          >
            <ItemEditor
              draft={draft}
              onChange={setDraft}
              onRevealExisting={() => report("reveal")}
              showProblems={triedToSave}
            />
            {saveError && <Alert className="mt-4">{saveError}</Alert>}
            <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button
                variant="secondary"
                disabled={saving}
                onClick={() =>
                  item
                    ? (setDraft(null), setConflict(false), setSaveError(null))
                    : router.push(vaultHref)
                }
              >
                Cancel
              </Button>
              <Button type="submit" busy={saving} busyLabel="Encrypting and saving…">
                Save
              </Button>
            </div>
          </form>
        </Card>
      ) : (
        plaintext && (
          <Card>
            <div className="divide-y divide-stone-100">
              {plaintext.fields.map((field) => (
                <FieldView
                  key={field.name}
                  field={field}
                  onEvent={(action) => report(action)}
                  onShare={() => setSharing(field)}
                />
              ))}
              {plaintext.urls.length > 0 && (
                <div className="py-3">
                  <p className="text-xs font-semibold tracking-wide text-stone-500 uppercase">
                    URLs
                  </p>
                  <ul className="mt-1 space-y-1 text-sm">
                    {plaintext.urls.map((url) => (
                      <li key={url} className="truncate text-stone-800">
                        {url}
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {plaintext.notes && (
                <div className="py-3">
                  <p className="text-xs font-semibold tracking-wide text-stone-500 uppercase">
                    Notes
                  </p>
                  <p className="mt-1 text-sm whitespace-pre-wrap text-stone-800">
                    {plaintext.notes}
                  </p>
                </div>
              )}
              {plaintext.tags.length > 0 && (
                <div className="flex flex-wrap gap-1.5 py-3">
                  {plaintext.tags.map((tag) => (
                    <span
                      key={tag}
                      className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-700"
                    >
                      {tag}
                    </span>
                  ))}
                </div>
              )}
              {plaintext.fields.length === 0 && !plaintext.notes && (
                <p className="py-3 text-sm text-stone-500">This item has no fields yet.</p>
              )}
            </div>
          </Card>
        )
      )}

      {item && showHistory && !draft && (
        <Card>
          <h2 className="mb-4 text-lg font-semibold text-stone-900">History</h2>
          <ItemHistory
            vaultId={vaultId}
            itemId={item.dto.id}
            vaultKey={key}
            authorName={authorName}
            canRestore={canEdit}
            onRestore={(restored) => save(restored, { restoring: true })}
            onReveal={() => report("reveal")}
          />
        </Card>
      )}

      {item && canEdit && !draft && (
        <Card>
          <CardHeader
            title="Rotation"
            description="Coffer flags this item for a new value when the interval has passed since its secrets last changed."
          />
          <RotationIntervalSetting vaultId={vaultId} itemId={item.dto.id} />
        </Card>
      )}

      {item && sharing && (
        <ShareFieldDialog
          vaultId={vaultId}
          itemId={item.dto.id}
          itemTitle={plaintext?.title ?? ""}
          field={sharing}
          onClose={() => setSharing(null)}
        />
      )}

      <ConfirmDialog
        open={deleting}
        title="Delete this item?"
        confirmLabel="Delete item"
        busy={deleteBusy}
        busyLabel="Deleting…"
        onConfirm={() => void onDelete()}
        onCancel={() => setDeleting(false)}
      >
        “{plaintext?.title}” and its history will be removed for everyone in this vault.
      </ConfirmDialog>
    </div>
  );
}
