"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import type { VaultServiceAccountDto } from "@/lib/api/vault-service-accounts";
import { serviceAccountApi } from "@/lib/client/service-accounts/service-account-api";
import { rotateVaultKey } from "@/lib/client/vaults/rotate";
import { useKeyring } from "@/components/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";
import { useResource } from "@/components/ui/use-resource";
import { RotationProgress } from "@/components/vaults/rotation-progress";
import { AccountStatusBadge, MachineBadge, ScopeBadge } from "./badges";

/**
 * The machines among a vault's members. Taking one away is a rotation, as for a person: the
 * key it holds must stop opening anything new.
 */
export function VaultServiceAccounts({
  vaultId,
  onRotated,
}: {
  vaultId: string;
  /** The parent reloads the vault (which remounts this list) and shows the message. */
  onRotated: (message: string) => Promise<void>;
}) {
  const keyring = useKeyring();
  const load = useCallback(
    () => serviceAccountApi.ofVault(vaultId).then((response) => response.serviceAccounts),
    [vaultId],
  );
  const { data: accounts, error } = useResource(load);
  const [removing, setRemoving] = useState<VaultServiceAccountDto | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const remove = useAction(async (account: VaultServiceAccountDto) => {
    if (!keyring) return;
    try {
      await rotateVaultKey({
        keyring,
        vaultId,
        removeUserIds: [],
        removeServiceAccountIds: [account.id],
        onProgress: (done, total) => setProgress({ done, total }),
      });
    } finally {
      setProgress(null);
    }
    setRemoving(null);
    await onRotated(`Key rotated; ${account.name} no longer has access.`);
  });

  if (!accounts?.length && !error) return null;
  return (
    <div className="mt-6">
      <h3 className="text-sm font-semibold text-stone-900">Service accounts</h3>
      {error && <Alert className="mt-2">{error}</Alert>}
      <ul className="divide-y divide-stone-100" aria-label="Service accounts with access">
        {(accounts ?? []).map((account) => (
          <li
            key={account.id}
            data-testid="vault-service-account"
            className="flex flex-wrap items-center gap-3 py-3"
          >
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
                <MachineBadge />
                {account.manages ? (
                  <Link
                    href={`/service-accounts/${encodeURIComponent(account.id)}`}
                    className="hover:underline"
                  >
                    {account.name}
                  </Link>
                ) : (
                  account.name
                )}
                <AccountStatusBadge status={account.status} />
              </p>
              <p className="truncate text-sm text-stone-600">
                Managed by{" "}
                {account.managers.map((manager) => manager.email).join(", ") || "nobody active"}
              </p>
            </div>
            <ScopeBadge scope={account.scope} />
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setRemoving(account)}
              aria-label={`Remove ${account.name}`}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? ""}?`}
        confirmLabel="Remove and rotate key"
        busy={remove.pending}
        busyLabel="Rotating…"
        error={remove.error?.message}
        onConfirm={() => removing && void remove.run(removing)}
        onCancel={() => setRemoving(null)}
      >
        <p>
          Coffer makes a new vault key and re-encrypts every item on this device; the account gets
          no copy. Its managers can grant it the vault again later.
        </p>
        {progress && (
          <div className="mt-3">
            <RotationProgress {...progress} />
          </div>
        )}
      </ConfirmDialog>
    </div>
  );
}
