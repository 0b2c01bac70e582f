"use client";

import { useCallback, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { VaultEnvironmentDto } from "@/lib/api/vault";
import { createVault } from "@/lib/client/vaults/grants";
import { ENVIRONMENT_LABELS } from "@/lib/client/vaults/templates";
import { useKeyring } from "@/components/keyring-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { useAction } from "@/components/ui/use-action";
import { SelectField } from "./select-field";

export function NewVaultDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const keyring = useKeyring();
  const router = useRouter();
  const [name, setName] = useState("");
  const [environment, setEnvironment] = useState<"" | VaultEnvironmentDto>("");
  const [nameMissing, setNameMissing] = useState(false);
  // The action ends when the vault's page is asked for; the dialog stays busy while it loads.
  const [leaving, setLeaving] = useState(false);
  const create = useAction(
    useCallback(
      async (vaultName: string, chosen: VaultEnvironmentDto | null) => {
        if (!keyring) return;
        const vaultId = await createVault(keyring, vaultName, chosen);
        setLeaving(true);
        router.push(`/vaults/${vaultId}`);
      },
      [keyring, router],
    ),
  );
  const busy = create.pending || leaving;
  const error = nameMissing ? "Give the vault a name." : (create.error?.message ?? null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!keyring) return;
    setNameMissing(!name.trim());
    create.clearError();
    if (!name.trim()) return;
    await create.run(name.trim(), environment || null);
  }

  return (
    <Modal
      open={open}
      onClose={onClose}
      busy={busy}
      title="New vault"
      description="The name is encrypted on this device; the server never sees it."
    >
      <form className="space-y-4" onSubmit={(event) => void onSubmit(event)} noValidate>
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
