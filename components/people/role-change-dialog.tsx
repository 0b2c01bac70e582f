"use client";

import { useState } from "react";
import { updateUserRoleResponse } from "@/lib/api/user";
import { api, errorMessage } from "@/lib/client/api";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const promoting = change?.to === "admin";

  async function apply() {
    if (!change) return;
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/users/${encodeURIComponent(change.userId)}/role`, {
        method: "PUT",
        json: { role: change.to },
        schema: updateUserRoleResponse,
      });
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      open={change !== null}
      title={`Make ${change?.label ?? ""} ${promoting ? "an admin" : "a member"}?`}
      confirmLabel={promoting ? "Make admin" : "Make member"}
      busyLabel="Changing…"
      tone={promoting ? "danger" : "primary"}
      busy={busy}
      error={error}
      onConfirm={() => void apply()}
      onCancel={() => {
        setError(null);
        onCancel();
      }}
    >
      {promoting
        ? `${change?.email} will manage people, policy and the audit log, and can suspend or offboard any member. Only the owner can make them a member again.`
        : `${change?.email} loses admin rights at once: people, policy and the audit log close to them. Their vault access stays as it is.`}
    </ConfirmDialog>
  );
}
