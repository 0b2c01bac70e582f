"use client";

import { useEffect, useState } from "react";
import type { MachineScope } from "@/lib/crypto";
import type { ServiceAccountDetailResponse } from "@/lib/api/machine";
import { errorMessage } from "@/lib/client/api";
import { grantVaultToAccount } from "@/lib/client/service-accounts/actions";
import { openOwnVaults } from "@/lib/client/vaults/labels";
import { useKeyring } from "@/components/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { useAction } from "@/components/ui/use-action";
import { SelectField } from "@/components/vaults/select-field";
import { SCOPE_LABELS } from "./badges";

type Choice = { id: string; name: string };

/** Offers the vaults this person manages and can open, minus those already granted. */
export function GrantVaultDialog({
  detail,
  onClose,
  onGranted,
}: {
  detail: ServiceAccountDetailResponse;
  onClose: () => void;
  onGranted: (vaultName: string) => Promise<void>;
}) {
  const keyring = useKeyring();
  const [choices, setChoices] = useState<Choice[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [vaultId, setVaultId] = useState("");
  const [scope, setScope] = useState<MachineScope>("read");

  useEffect(() => {
    if (!keyring) return;
    let current = true;
    const granted = new Set(detail.grants.map((grant) => grant.vaultId));
    openOwnVaults(keyring)
      .then((opened) => {
        const managed = [...opened.values()]
          .filter((vault) => vault.key && vault.summary.role === "manage")
          .filter((vault) => !granted.has(vault.summary.id))
          .map((vault) => ({ id: vault.summary.id, name: vault.name }))
          .sort((a, b) => a.name.localeCompare(b.name));
        if (current) setChoices(managed);
      })
      .catch((caught) => current && setLoadError(errorMessage(caught)));
    return () => {
      current = false;
    };
  }, [keyring, detail.grants]);

  const grant = useAction(async () => {
    if (!keyring || !vaultId) return;
    await grantVaultToAccount({ keyring, detail, vaultId, scope });
    await onGranted(choices?.find((choice) => choice.id === vaultId)?.name ?? "the vault");
  });

  return (
    <Modal
      open
      onClose={onClose}
      busy={grant.pending}
      title={`Grant a vault to ${detail.serviceAccount.name}`}
      description="The vault key is sealed on this device to the account's key as you pinned it, and signed by you."
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void grant.run();
        }}
      >
        {loadError && <Alert>{loadError}</Alert>}
        {choices === null && !loadError && (
          <p role="status" className="text-sm text-stone-500">
            Opening your vaults…
          </p>
        )}
        {choices !== null && choices.length === 0 && (
          <p className="text-sm text-stone-600">
            There is no vault you manage that this account does not have already.
          </p>
        )}
        {choices !== null && choices.length > 0 && (
          <>
            <SelectField
              label="Vault"
              value={vaultId}
              onChange={setVaultId}
              options={[
                { value: "", label: "Choose a vault you manage…" },
                ...choices.map((choice) => ({ value: choice.id, label: choice.name })),
              ]}
            />
            <SelectField
              label="Scope"
              value={scope}
              onChange={(value) => setScope(value as MachineScope)}
              options={(["read", "readwrite"] as const).map((value) => ({
                value,
                label: SCOPE_LABELS[value],
              }))}
            />
          </>
        )}
        {grant.error && <Alert>{grant.error.message}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={grant.pending}>
            Cancel
          </Button>
          <Button type="submit" disabled={!vaultId} busy={grant.pending} busyLabel="Sealing…">
            Grant vault
          </Button>
        </div>
      </form>
    </Modal>
  );
}
