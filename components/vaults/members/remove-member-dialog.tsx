"use client";

import type { MemberDto } from "@/lib/api/vault";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RotationProgress } from "../rotation-progress";

/** The yes before a removal, which re-encrypts the vault under a new key on this device. */
export function RemoveMemberDialog({
  member,
  progress,
  onConfirm,
  onCancel,
}: {
  member: MemberDto | null;
  progress: { done: number; total: number } | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog
      open={member !== null}
      title={`Remove ${member?.email ?? ""}?`}
      confirmLabel="Remove and rotate key"
      busy={progress !== null}
      busyLabel="Rotating…"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Coffer makes a new vault key, re-encrypts every item and its history on this device, and
        shares the new key with everyone else. {member?.name} keeps anything they already copied:
        change those secrets too.
      </p>
      {progress && (
        <div className="mt-3">
          <RotationProgress {...progress} />
        </div>
      )}
    </ConfirmDialog>
  );
}
