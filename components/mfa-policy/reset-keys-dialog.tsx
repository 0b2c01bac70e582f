"use client";

import { useCallback } from "react";
import type { CompliancePerson } from "@/lib/api/mfa";
import { resetPersonMfa } from "@/lib/client/mfa";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";
import { cancelledAs } from "./cancelled-as";

/**
 * For someone who lost their keys: removes their keys and recovery codes and signs them out,
 * after a yes and the admin's own security-key check.
 */
export function ResetKeysDialog({
  person,
  onDone,
  onCancel,
}: {
  person: CompliancePerson | null;
  onDone: (person: CompliancePerson) => Promise<void>;
  onCancel: () => void;
}) {
  const reset = useAction(
    useCallback(
      async (target: CompliancePerson) => {
        await cancelledAs(
          resetPersonMfa(target.userId),
          "Nothing was reset: the security key check was cancelled.",
        );
        await onDone(target);
      },
      [onDone],
    ),
  );

  return (
    <ConfirmDialog
      open={person !== null}
      title={`Reset ${person?.name}'s security keys?`}
      confirmLabel="Reset keys"
      busyLabel="Resetting…"
      busy={reset.pending}
      error={reset.error?.message ?? null}
      onConfirm={() => person && void reset.run(person)}
      onCancel={() => {
        reset.clearError();
        onCancel();
      }}
    >
      For someone who lost their keys.{" "}
      {person && person.keyCount > 0
        ? `${person.email}'s ${person.keyCount === 1 ? "security key" : `${person.keyCount} security keys`} and recovery codes are removed`
        : `${person?.email}'s recovery codes are removed`}{" "}
      and they are signed out everywhere. They must add a new key at their next sign-in before they
      can use Coffer again.
    </ConfirmDialog>
  );
}
