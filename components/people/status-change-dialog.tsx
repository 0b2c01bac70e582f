"use client";

import { useCallback } from "react";
import { api } from "@/lib/client/api";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";
import type { Person } from "./use-people";

/**
 * Suspends someone (signed out everywhere, no sign-in) or lets a suspended person back in,
 * after a yes. Their vault access is left alone: that is what offboarding is for.
 */
export function StatusChangeDialog({
  person,
  onDone,
  onCancel,
}: {
  person: Person | null;
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const suspending = person?.status !== "suspended";
  const apply = useAction(
    useCallback(
      async (userId: string, status: "suspended" | "active") => {
        await api(`/api/v1/users/${encodeURIComponent(userId)}/status`, {
          method: "PUT",
          json: { status },
        });
        await onDone();
      },
      [onDone],
    ),
  );

  return (
    <ConfirmDialog
      open={person !== null}
      title={`${suspending ? "Suspend" : "Reactivate"} ${person?.name ?? person?.email ?? ""}?`}
      confirmLabel={suspending ? "Suspend" : "Reactivate"}
      busyLabel={suspending ? "Suspending…" : "Reactivating…"}
      tone={suspending ? "danger" : "primary"}
      busy={apply.pending}
      error={apply.error?.message ?? null}
      onConfirm={() => {
        if (person?.userId) void apply.run(person.userId, suspending ? "suspended" : "active");
      }}
      onCancel={() => {
        apply.clearError();
        onCancel();
      }}
    >
      {suspending
        ? `${person?.email} is signed out everywhere at once and cannot sign in until reactivated. Their vault access and keys stay as they are: offboard them to revoke access and rotate keys.`
        : `${person?.email} will be able to sign in again.`}
    </ConfirmDialog>
  );
}
