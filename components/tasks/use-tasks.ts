"use client";

import { useCallback, useState } from "react";
import type { TaskDto } from "@/lib/api/checklist";
import { checklistApi } from "@/lib/client/checklists";
import { useAction } from "@/components/ui/use-action";
import { useResource } from "@/components/ui/use-resource";
import { useVaultStore } from "@/components/vaults/use-vault";

const loadTasks = async () => (await checklistApi.tasks()).tasks;

/** This person's tasks, the one being granted, and what the last grant said. */
export function useTasks() {
  const store = useVaultStore();
  const tasks = useResource(loadTasks);
  const [granting, setGranting] = useState<TaskDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = useAction(tasks.reload);

  const grantDone = useCallback(
    async (message: string) => {
      const vaultId = granting?.vaultId;
      setGranting(null);
      setNotice(message);
      // The vault has a new member now: the copy the vault screens share is out of date.
      if (vaultId) void store?.refreshVault(vaultId);
      await tasks.reload();
    },
    [granting, store, tasks],
  );

  return {
    tasks: tasks.data,
    error: tasks.error,
    notice,
    refreshing: refresh.pending,
    refresh: () => {
      setNotice(null);
      void refresh.run();
    },
    granting,
    startGrant: (task: TaskDto) => {
      setNotice(null);
      setGranting(task);
    },
    cancelGrant: () => setGranting(null),
    grantDone,
  };
}
