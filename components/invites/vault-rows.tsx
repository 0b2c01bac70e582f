"use client";

import type { AdminVaultDto, VaultRoleDto } from "@/lib/api/vault";
import { Button } from "../ui/button";
import { ROLE_LABELS } from "../vaults/badges";
import { SelectField } from "../vaults/select-field";
import { vaultLabel } from "../vaults/use-vault-names";

export type VaultRow = { key: number; vaultId: string; role: VaultRoleDto };

const VAULT_ROLE_OPTIONS = (["view", "edit", "manage"] as const).map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
}));

/** The vaults this admin can name first, alphabetically; the others by id after them. */
export function vaultOptionsOf(
  vaults: AdminVaultDto[] | null,
  names: ReadonlyMap<string, string> | null,
) {
  return (vaults ?? [])
    .map((vault) => ({
      id: vault.id,
      label: vaultLabel(vault.id, names),
      named: names?.has(vault.id) ?? false,
      environment: vault.environment,
    }))
    .sort((a, b) => Number(b.named) - Number(a.named) || a.label.localeCompare(b.label));
}

/** The invite's vault access: one row per vault, each vault at most once. */
export function VaultRows({
  vaults,
  vaultsError,
  options,
  rows,
  errors,
  rowIdPrefix,
  disabled,
  onAdd,
  onUpdate,
  onRemove,
}: {
  vaults: AdminVaultDto[] | null;
  vaultsError: string | null;
  options: ReturnType<typeof vaultOptionsOf>;
  rows: VaultRow[];
  errors: ReadonlyMap<number, string>;
  rowIdPrefix: string;
  disabled: boolean;
  onAdd: () => void;
  onUpdate: (key: number, change: Partial<VaultRow>) => void;
  onRemove: (key: number) => void;
}) {
  const allVaultsNamed = vaults !== null && rows.length >= vaults.length;
  return (
    <fieldset className="rounded-xl border border-stone-200 p-4">
      <legend className="px-1 text-sm font-medium text-stone-800">Vault access</legend>
      <p className="text-xs text-stone-500">
        Vaults whose names you cannot read (you are not a member) show their id.
      </p>
      {vaultsError && <p className="mt-2 text-sm text-red-700">{vaultsError}</p>}
      {vaults === null && !vaultsError && (
        <p role="status" className="mt-2 text-sm text-stone-500">
          Loading vaults…
        </p>
      )}
      {vaults !== null && vaults.length === 0 && (
        <p className="mt-2 text-sm text-stone-600">No vaults yet.</p>
      )}
      {rows.length > 0 && (
        <ul className="mt-3 space-y-3" aria-label="Vaults to grant">
          {rows.map((row, index) => {
            const takenElsewhere = new Set(
              rows.filter((other) => other.key !== row.key).map((other) => other.vaultId),
            );
            const choices = options.filter(
              (option) => option.id === row.vaultId || !takenElsewhere.has(option.id),
            );
            return (
              <li key={row.key} className="flex flex-wrap items-start gap-3">
                <SelectField
                  id={`${rowIdPrefix}-${row.key}`}
                  label={`Vault ${index + 1}`}
                  value={row.vaultId}
                  disabled={disabled}
                  error={errors.get(row.key)}
                  onChange={(vaultId) => onUpdate(row.key, { vaultId })}
                  options={[
                    { value: "", label: "Choose a vault…" },
                    ...choices.map((option) => ({
                      value: option.id,
                      label: option.environment
                        ? `${option.label} (${option.environment})`
                        : option.label,
                    })),
                  ]}
                  className="min-w-56 flex-1"
                />
                <SelectField
                  label={`Access to vault ${index + 1}`}
                  value={row.role}
                  disabled={disabled}
                  onChange={(value) => onUpdate(row.key, { role: value as VaultRoleDto })}
                  options={VAULT_ROLE_OPTIONS}
                  className="w-36"
                />
                <div className="pt-7">
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={disabled}
                    aria-label={`Remove vault ${index + 1}`}
                    onClick={() => onRemove(row.key)}
                  >
                    Remove
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {vaults !== null && vaults.length > 0 && (
        <Button
          variant="secondary"
          size="sm"
          className="mt-3"
          disabled={disabled || allVaultsNamed}
          onClick={onAdd}
        >
          Add a vault
        </Button>
      )}
    </fieldset>
  );
}
