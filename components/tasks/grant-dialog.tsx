"use client";

import { useCallback } from "react";
import type { TaskDto } from "@/lib/api/checklist";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { useResource } from "@/components/ui/use-resource";
import { AddMemberDialog } from "@/components/vaults/members-panel";
import { useVaultStore } from "@/components/vaults/use-vault";
import { personOf } from "./task-row";

/**
 * Opens the vault from the shared store and hands over to the vault page's own share dialog,
 * with the newcomer and the invite's role chosen: the fingerprint comparison and the sealing
 * are the same code.
 */
export function GrantDialog({
  task,
  onClose,
  onDone,
}: {
  task: TaskDto;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}) {
  const store = useVaultStore();
  const userId = task.subject.userId;
  const openShareable = useCallback(async () => {
    if (!store) throw new Error("Unlock Coffer first.");
    if (!userId) throw new Error("They have no account yet.");
    const loaded = await store.loadedVault(task.vaultId);
    if (!loaded.opened.key) {
      throw new Error(
        loaded.opened.problem?.kind === "keys-changed"
          ? `You cannot open this vault: the keys of ${loaded.opened.problem.email}, who shared it with you, changed.`
          : "You cannot open this vault's key, so you cannot share it. Ask another manager.",
      );
    }
    return loaded;
  }, [store, userId, task.vaultId]);
  const { data: vault, error } = useResource(store ? openShareable : null);

  const person = personOf(task);
  if (vault && userId) {
    return (
      <AddMemberDialog
        vault={vault}
        title={`Give ${person} access to ${vault.opened.name}`}
        preselect={{ userId, role: task.vaultRole ?? "view" }}
        onClose={onClose}
        onDone={onDone}
      />
    );
  }
  return (
    <Modal open title={`Give ${person} access`} onClose={onClose}>
      {error ? (
        <Alert>{error}</Alert>
      ) : (
        <p role="status" className="text-sm text-stone-500">
          Opening the vault…
        </p>
      )}
      <div className="mt-4 flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </Modal>
  );
}
