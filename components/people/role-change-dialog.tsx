"use client";

import { useCallback } from "react";
import { updateUserRoleResponse } from "@/lib/api/user";
import { api } from "@/lib/client/api";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";

export interface RoleChange {
  userId: string;
  label: string;
  email: string;
  to: "admin" | "member";
}

/** Makes a member an admin, or (the owner only) an admin a member again, after a yes. */
export function RoleChangeDialog({
  change,
  onDone,
  onCancel,
}: {
  change: RoleChange | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const promoting = change?.to === "admin";
  const apply = useAction(
    useCallback(
      async ({ userId, to }: RoleChange) => {
        await api(`/api/v1/users/${encodeURIComponent(userId)}/role`, {
          method: "PUT",
          json: { role: to },
          schema: updateUserRoleResponse,
        });
        onDone();
      },
      [onDone],
    ),
  );

  return (
    <ConfirmDialog
      open={change !== null}
      title={`Make ${change?.label ?? ""} ${promoting ? "an admin" : "a member"}?`}
      confirmLabel={promoting ? "Make admin" : "Make member"}
      busyLabel="Changing…"
      tone={promoting ? "danger" : "primary"}
      busy={apply.pending}
      error={apply.error?.message ?? null}
      onConfirm={() => {
        if (change) void apply.run(change);
      }}
      onCancel={() => {
        apply.clearError();
        onCancel();
      }}
    >
      {promoting
        ? `${change?.email} will manage people, policy and the audit log, and can suspend or offboard any member. Only the owner can make them a member again.`
        : `${change?.email} loses admin rights at once: people, policy and the audit log close to them. Their vault access stays as it is.`}
    </ConfirmDialog>
  );
}
