"use client";

import { useCallback, useState } from "react";
import { transferOwnershipResponse } from "@/lib/api/user";
import { api } from "@/lib/client/api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { useAction } from "@/components/ui/use-action";

export interface OwnershipHeir {
  userId: string;
  label: string;
  email: string;
}

/**
 * The owner hands the organisation to an admin. The new owner's email is typed out (the server
 * checks it too) and the step-up dialog asks for a key: there is no undo but the new owner's.
 */
export function OwnershipTransferDialog({
  heir,
  onDone,
  onCancel,
}: {
  heir: OwnershipHeir | null;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [typed, setTyped] = useState("");
  const matches = heir !== null && typed.trim().toLowerCase() === heir.email.toLowerCase();
  const transfer = useAction(
    useCallback(
      async (userId: string, confirmation: string) => {
        await api("/api/v1/organization/ownership", {
          method: "POST",
          json: { userId, confirmation },
          schema: transferOwnershipResponse,
        });
        setTyped("");
        onDone();
      },
      [onDone],
    ),
  );
  // The server checks the typed email too; its answer names the field when that is what failed.
  const confirmationError =
    transfer.error?.field === "confirmation" ? transfer.error.message : null;
  const otherError = transfer.error && !confirmationError ? transfer.error.message : null;

  function close() {
    setTyped("");
    transfer.clearError();
    onCancel();
  }

  return (
    <Modal
      open={heir !== null}
      busy={transfer.pending}
      onClose={close}
      title={`Make ${heir?.label ?? ""} the owner?`}
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (heir && matches) void transfer.run(heir.userId, typed);
        }}
      >
        <p className="text-sm text-stone-600">
          {heir?.email} becomes the owner and you become an admin. Only the new owner can hand
          ownership back, and they can then suspend, offboard or demote you. Type{" "}
          <strong className="font-semibold text-stone-900">{heir?.email}</strong> to confirm.
        </p>
        <Field
          label="Type the new owner's email to confirm"
          value={typed}
          error={confirmationError}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        {otherError && <Alert>{otherError}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={close} disabled={transfer.pending}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="danger"
            disabled={!matches}
            busy={transfer.pending}
            busyLabel="Transferring…"
          >
            Transfer ownership
          </Button>
        </div>
      </form>
    </Modal>
  );
}
