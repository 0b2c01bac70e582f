"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { VaultEnvironmentDto } from "@/lib/api/vault";
import { errorMessage } from "@/lib/client/api";
import { createVault } from "@/lib/client/vaults/grants";
import { ENVIRONMENT_LABELS } from "@/lib/client/vaults/templates";
import { useKeyring } from "@/components/keyring-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { SelectField } from "./select-field";

export function NewVaultDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const keyring = useKeyring();
  const router = useRouter();
  const [name, setName] = useState("");
  const [environment, setEnvironment] = useState<"" | VaultEnvironmentDto>("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!keyring) return;
    if (!name.trim()) {
      setError("Give the vault a name.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const vaultId = await createVault(keyring, name.trim(), environment || null);
      router.push(`/vaults/${vaultId}`);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      onClose={onClose}
      busy={busy}
      title="New vault"
      description="The name is encrypted on this device; the server never sees it."
    >
      <form className="space-y-4" onSubmit={onSubmit} noValidate>
        <Field
          label="Vault name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoFocus
          autoComplete="off"
          maxLength={200}
          error={error}
        />
        <SelectField
          label="Environment"
          value={environment}
          onChange={(value) => setEnvironment(value as "" | VaultEnvironmentDto)}
          options={[
            { value: "", label: "None" },
            ...Object.entries(ENVIRONMENT_LABELS).map(([value, label]) => ({ value, label })),
          ]}
        />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" busy={busy} busyLabel="Creating…">
            Create vault
          </Button>
        </div>
      </form>
    </Modal>
  );
}
