"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ItemField, ItemPlaintext, ItemType } from "@/lib/crypto";
import {
  draftProblems,
  draftSnapshot,
  fromDraft,
  toDraft,
  type Draft,
} from "@/lib/client/items/draft";
import { saveItemRevision, saveNewItem } from "@/lib/client/vaults/items";
import { newItem } from "@/lib/client/vaults/templates";
import { isConflict, reportItemEvent, vaultApi } from "@/lib/client/vaults/vault-api";
import { useKeyring } from "@/components/keyring-provider";
import { useAction } from "@/components/ui/use-action";
import { useVault } from "@/components/vaults/use-vault";
import { useUnsavedEditsGuard } from "./use-unsaved-edits-guard";

/**
 * The item page's state: the vault it lives in, the draft being edited (with the item it
 * started from, so an unchanged draft is not "unsaved"), and the save and delete actions.
 */
export function useItemPage(vaultId: string, itemId: string | null, newType?: ItemType) {
  const keyring = useKeyring();
  const router = useRouter();
  const { vault, error, reload } = useVault(vaultId);
  const [editing, setEditing] = useState<{ draft: Draft; startedAs: string } | null>(() => {
    if (itemId) return null;
    const draft = toDraft(newItem(newType ?? "login"));
    return { draft, startedAs: draftSnapshot(draft) };
  });
  // Field problems appear once a save was tried, all at once, not while someone is typing.
  const [triedToSave, setTriedToSave] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [sharing, setSharing] = useState<ItemField | null>(null);

  const key = vault?.opened.key ?? null;
  const keyVersion = vault?.detail.vault.keyVersion ?? 0;
  const item = itemId ? vault?.items.find((entry) => entry.dto.id === itemId) : undefined;
  const draft = editing?.draft ?? null;
  const dirty = editing !== null && draftSnapshot(editing.draft) !== editing.startedAs;
  const problems = draft && triedToSave ? draftProblems(draft) : null;
  const guard = useUnsavedEditsGuard(dirty);

  /**
   * `restoring`: an older revision comes back. Its secret values were exposed before, to
   * anyone who could read the history, so they do not count as new and clear no rotation flag.
   */
  const save = useAction(async (plaintext: ItemPlaintext, options: { restoring?: boolean }) => {
    if (!keyring || !key) return;
    try {
      if (!item) {
        const created = await saveNewItem(keyring, { vaultId, key, keyVersion }, plaintext);
        // The tab's vault store is shared: the item page it opens next looks the item up there.
        await reload();
        // The new item takes the place of the blank form in the history, not of Back's guard.
        await guard.release();
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
      setEditing(null);
      setConflict(false);
      setShowHistory(false);
      setNotice(`Saved as revision ${updated.revision}.`);
    } catch (caught) {
      // A 409 keeps the draft and offers Reload; anything else is the action's error.
      if (!isConflict(caught)) throw caught;
      setConflict(true);
    }
  });

  const remove = useAction(async () => {
    if (!item) return;
    await vaultApi.deleteItem(vaultId, item.dto.id);
    router.push(`/vaults/${vaultId}`);
    // Refreshed after leaving: here, the store's copy without the item would read "No such item".
    await reload();
  });

  return {
    keyring,
    vault,
    loadError: error,
    item,
    draft,
    dirty,
    guard,
    problems,
    conflict,
    showHistory,
    confirmingDelete,
    notice,
    sharing,
    saving: save.pending,
    saveError: save.error?.message ?? null,
    deleting: remove.pending,
    deleteError: remove.error?.message ?? null,
    setDraft: (next: Draft) => setEditing((current) => current && { ...current, draft: next }),
    startEditing(plaintext: ItemPlaintext) {
      const started = toDraft(plaintext);
      setNotice(null);
      setTriedToSave(false);
      setEditing({ draft: started, startedAs: draftSnapshot(started) });
    },
    cancelEditing() {
      if (!item) {
        void guard.release().then(() => router.push(`/vaults/${vaultId}`));
        return;
      }
      setEditing(null);
      setConflict(false);
      save.clearError();
    },
    async submit() {
      if (!draft) return;
      setTriedToSave(true);
      save.clearError();
      if (draftProblems(draft)) return;
      await save.run(fromDraft(draft), {});
    },
    restore: (plaintext: ItemPlaintext) => save.run(plaintext, { restoring: true }).then(() => {}),
    async reloadAfterConflict() {
      await reload();
      setConflict(false);
    },
    toggleHistory: () => setShowHistory((shown) => !shown),
    askToDelete: () => setConfirmingDelete(true),
    cancelDelete() {
      setConfirmingDelete(false);
      remove.clearError();
    },
    // On success the page moves to the vault; on failure the dialog stays open with the reason.
    confirmDelete: () => void remove.run(),
    setSharing,
    report(action: "reveal" | "copy") {
      if (itemId) reportItemEvent(vaultId, itemId, action);
    },
  };
}

export type ItemPageState = ReturnType<typeof useItemPage>;
