"use client";

import type { MfaPolicySettings } from "@/lib/api/mfa";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

/** The yes asked before a policy with no grace period limits people without a key at once. */
export function RequireNowDialog({
  settings,
  withoutKeyCount,
  selfWithoutKey,
  saving,
  onConfirm,
  onCancel,
}: {
  settings: MfaPolicySettings | null;
  withoutKeyCount: number;
  selfWithoutKey: boolean;
  saving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ConfirmDialog
      open={settings !== null}
      title={
        settings?.requireMfa === "everyone"
          ? "Require a security key from everyone now?"
          : "Require a security key from admins and owners now?"
      }
      confirmLabel="Require keys now"
      busyLabel="Saving…"
      busy={saving}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        With no grace period, people without a security key will be limited to enrolment at their
        next request: they can add a key or sign out, nothing else, until they do.
      </p>
      <p className="mt-2">
        {withoutKeyCount === 0
          ? "Everyone this applies to already has a key."
          : `${plural(withoutKeyCount, "person has", "people have")} no key yet.`}
        {selfWithoutKey && " That includes you."}
      </p>
    </ConfirmDialog>
  );
}
