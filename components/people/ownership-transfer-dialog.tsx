"use client";

import { useState } from "react";
import { transferOwnershipResponse } from "@/lib/api/user";
import { api, errorMessage } from "@/lib/client/api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";

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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = heir !== null && typed.trim().toLowerCase() === heir.email.toLowerCase();

  function close() {
    setTyped("");
    setError(null);
    onCancel();
  }

  async function transfer() {
    if (!heir || !matches) return;
    setBusy(true);
    setError(null);
    try {
      await api("/api/v1/organization/ownership", {
        method: "POST",
        json: { userId: heir.userId, confirmation: typed },
        schema: transferOwnershipResponse,
      });
      setTyped("");
      onDone();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={heir !== null}
      busy={busy}
      onClose={close}
      title={`Make ${heir?.label ?? ""} the owner?`}
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void transfer();
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
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        {error && <Alert>{error}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={close} disabled={busy}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="danger"
            disabled={!matches}
            busy={busy}
            busyLabel="Transferring…"
          >
            Transfer ownership
          </Button>
        </div>
      </form>
    </Modal>
  );
}
