"use client";

import type { AdminVaultDto } from "@/lib/api/vault";
import { countOf, dateTime } from "@/lib/client/format";
import { Alert } from "./ui/alert";
import { Card, CardHeader } from "./ui/card";
import { EnvironmentBadge, ROLE_LABELS } from "./vaults/badges";

/**
 * Every vault and who is in it. Admins see that vaults exist and their membership — never a
 * vault's name or contents unless they are members themselves, since only members hold its key.
 * `names` holds the names this admin's keyring could decrypt.
 */
export function AdminVaultsPanel({
  vaults,
  error,
  names,
}: {
  vaults: AdminVaultDto[] | null;
  error: string | null;
  names: ReadonlyMap<string, string> | null;
}) {
  return (
    <Card>
      <CardHeader
        title="Vaults"
        description="Every vault in the organisation and its members. Names and contents stay encrypted: only members can read them."
      />
      {error && <Alert>{error}</Alert>}
      {vaults === null && !error && (
        <p role="status" className="text-sm text-stone-500">
          Loading vaults…
        </p>
      )}
      {vaults !== null && vaults.length === 0 && (
        <p className="text-sm text-stone-500">Nobody has created a vault yet.</p>
      )}
      {vaults !== null && vaults.length > 0 && (
        <ul aria-label="Organisation vaults" className="divide-y divide-stone-100">
          {vaults.map((vault) => (
            <li key={vault.id} className="py-3">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                {names?.has(vault.id) && (
                  <span className="font-medium text-stone-900">{names.get(vault.id)}</span>
                )}
                <span className="font-mono text-xs text-stone-600" title="Vault id">
                  {vault.id}
                </span>
                <EnvironmentBadge environment={vault.environment} />
                <span className="text-stone-500">
                  {countOf(vault.itemCount, "item")} · key version {vault.keyVersion} · created{" "}
                  {dateTime(vault.createdAt)}
                </span>
              </div>
              <p className="mt-1 text-sm text-stone-800">
                {vault.members
                  .map((member) => `${member.name} (${ROLE_LABELS[member.role]})`)
                  .join(", ")}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
