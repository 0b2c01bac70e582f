"use client";

import type { ShareLinkDto } from "@/lib/api/share-link";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function RevokeLinkDialog({
  link,
  label,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  link: ShareLinkDto | null;
  label: string;
  busy: boolean;
  error: string | null;
  onConfirm: (id: string) => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog
      open={link !== null}
      title="Revoke this link?"
      confirmLabel="Revoke link"
      busy={busy}
      busyLabel="Revoking…"
      error={error}
      onConfirm={() => link && onConfirm(link.id)}
      onCancel={onCancel}
    >
      The link to {label} stops working at once, for every view it had left. This cannot be undone:
      to share it again, make a new link.
    </ConfirmDialog>
  );
}
