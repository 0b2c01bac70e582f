"use client";

import Link from "next/link";
import type { ItemType } from "@/lib/crypto";
import { KEYS_CHANGED_MESSAGE } from "@/lib/client/vaults/open-vault";
import { ITEM_TYPE_LABELS } from "@/lib/client/vaults/templates";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ItemHistory } from "@/components/vaults/item-history";
import { ItemFlagBanner } from "@/components/rotation/item-flag-banner";
import { RotationIntervalSetting } from "@/components/rotation/rotation-interval-setting";
import { ShareFieldDialog } from "@/components/share-links/share-field-dialog";
import { EnvFileActions } from "./env-file-actions";
import { ItemDetails } from "./item-details";
import { ItemEditForm } from "./item-edit-form";
import { ItemHeader } from "./item-header";
import { useItemPage } from "./use-item-page";

/** One item of a vault: read, edited, restored from its history, shared or deleted. */
export function ItemPage({
  vaultId,
  itemId,
  newType,
}: {
  vaultId: string;
  itemId: string | null;
  newType?: ItemType;
}) {
  const page = useItemPage(vaultId, itemId, newType);
  const { vault, item, draft, guard } = page;

  if (page.loadError) return <Alert>{page.loadError}</Alert>;
  if (!vault || !page.keyring)
    return (
      <p role="status" className="text-sm text-stone-500">
        Decrypting…
      </p>
    );
  const { opened, detail } = vault;
  const key = opened.key;
  if (!key) {
    return (
      <Alert title="This vault cannot be opened">
        {opened.problem?.kind === "keys-changed"
          ? KEYS_CHANGED_MESSAGE
          : "Its key failed the integrity check."}
      </Alert>
    );
  }
  if (itemId && !item) {
    return (
      <Alert title="No such item">
        It may have been deleted.{" "}
        <Link href={`/vaults/${vaultId}`} className="underline">
          Back to the vault
        </Link>
      </Alert>
    );
  }
  const canEdit = detail.vault.role !== "view";
  const plaintext = item?.plaintext ?? null;
  const type = draft?.type ?? plaintext?.type ?? "note";
  const reading = item && !draft;
  const authorName = (userId: string) =>
    detail.members.find((member) => member.userId === userId)?.name ?? "A former member";

  return (
    <div className="min-w-0 space-y-6">
      <ItemHeader
        vaultId={vaultId}
        vaultName={opened.name}
        type={type}
        title={
          draft && !item
            ? `New ${ITEM_TYPE_LABELS[type].toLowerCase()}`
            : plaintext?.title || "Item"
        }
        revision={item?.dto.revision ?? null}
        environment={detail.vault.environment}
        actions={
          reading && (
            <>
              <Button
                variant="secondary"
                onClick={page.toggleHistory}
                aria-expanded={page.showHistory}
              >
                History
              </Button>
              {plaintext?.type === "env_file" && (
                <EnvFileActions vaultId={vaultId} itemId={item.dto.id} plaintext={plaintext} />
              )}
              {canEdit && plaintext && (
                <Button onClick={() => page.startEditing(plaintext)}>Edit</Button>
              )}
              {canEdit && (
                <Button variant="danger" onClick={page.askToDelete}>
                  Delete
                </Button>
              )}
            </>
          )
        }
      />

      {item && (
        <ItemFlagBanner vaultId={vaultId} itemId={item.dto.id} revision={item.dto.revision} />
      )}
      {page.notice && <Alert tone="success">{page.notice}</Alert>}
      {item?.error && <Alert title="Integrity check failed">{item.error}</Alert>}
      {page.conflict && (
        <Alert tone="warning" title="Someone else saved this item — Reload">
          <p>
            Your edits are still below. Reload fetches their version; saving afterwards replaces it
            with yours.
          </p>
          <Button
            className="mt-2"
            variant="secondary"
            size="sm"
            onClick={() => void page.reloadAfterConflict()}
          >
            Reload
          </Button>
        </Alert>
      )}

      {draft ? (
        <ItemEditForm page={page} draft={draft} />
      ) : (
        plaintext && (
          <ItemDetails plaintext={plaintext} onEvent={page.report} onShare={page.setSharing} />
        )
      )}

      {reading && page.showHistory && (
        <Card>
          <h2 className="mb-4 text-lg font-semibold text-stone-900">History</h2>
          <ItemHistory
            vaultId={vaultId}
            itemId={item.dto.id}
            vaultKey={key}
            authorName={authorName}
            canRestore={canEdit}
            onRestore={page.restore}
            onReveal={() => page.report("reveal")}
          />
        </Card>
      )}

      {reading && canEdit && (
        <Card>
          <CardHeader
            title="Rotation"
            description="Coffer flags this item for a new value when the interval has passed since its secrets last changed."
          />
          <RotationIntervalSetting vaultId={vaultId} itemId={item.dto.id} />
        </Card>
      )}

      {item && page.sharing && (
        <ShareFieldDialog
          vaultId={vaultId}
          itemId={item.dto.id}
          itemTitle={plaintext?.title ?? ""}
          field={page.sharing}
          onClose={() => page.setSharing(null)}
        />
      )}

      <ConfirmDialog
        open={page.confirmingDelete}
        title="Delete this item?"
        confirmLabel="Delete item"
        busy={page.deleting}
        busyLabel="Deleting…"
        error={page.deleteError}
        onConfirm={page.confirmDelete}
        onCancel={page.cancelDelete}
      >
        “{plaintext?.title}” and its history will be removed for everyone in this vault.
      </ConfirmDialog>

      <ConfirmDialog
        open={guard.asking}
        title="Leave without saving?"
        confirmLabel="Leave and discard edits"
        onConfirm={guard.leave}
        onCancel={guard.stay}
      >
        Your edits to this item are not saved yet. Stay to keep editing, or leave and lose them.
      </ConfirmDialog>
    </div>
  );
}
