"use client";

import { useState } from "react";
import type { ServiceAccountDetailResponse } from "@/lib/api/machine";
import type { AccountTrust } from "@/lib/client/service-accounts/pins";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { useVaultNames, vaultLabel } from "@/components/vaults/use-vault-names";
import { ScopeBadge } from "./badges";
import { GrantVaultDialog } from "./grant-vault-dialog";

export function GrantsPanel({
  detail,
  trust,
  reload,
}: {
  detail: ServiceAccountDetailResponse;
  trust: AccountTrust;
  reload: () => Promise<void>;
}) {
  const names = useVaultNames(detail.grants.length > 0);
  const [granting, setGranting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const account = detail.serviceAccount;
  const canGrant = account.manages && account.status === "active" && trust === "confirmed";

  return (
    <Card>
      <CardHeader
        title="Vaults"
        description="What the account's tokens can reach. Removing a vault happens from its members list, with a key rotation."
        action={
          account.manages ? (
            <Button onClick={() => setGranting(true)} disabled={!canGrant}>
              Grant a vault
            </Button>
          ) : undefined
        }
      />
      {account.manages && trust !== "confirmed" && (
        <p className="mb-4 text-sm text-stone-600">
          Compare and pin the fingerprint above before granting a vault.
        </p>
      )}
      {notice && (
        <Alert tone="success" className="mb-4">
          {notice}
        </Alert>
      )}
      {detail.grants.length === 0 ? (
        <p className="text-sm text-stone-500">No vaults granted yet.</p>
      ) : (
        <ul className="divide-y divide-stone-100" aria-label="Granted vaults">
          {detail.grants.map((grant) => (
            <li
              key={grant.vaultId}
              data-testid="granted-vault"
              className="flex items-center gap-3 py-3"
            >
              <span className="min-w-0 flex-1 truncate font-medium text-stone-900">
                {vaultLabel(grant.vaultId, names)}
              </span>
              <ScopeBadge scope={grant.scope} />
            </li>
          ))}
        </ul>
      )}
      {granting && (
        <GrantVaultDialog
          detail={detail}
          onClose={() => setGranting(false)}
          onGranted={async (vaultName) => {
            setGranting(false);
            await reload();
            setNotice(`${account.name} can now read ${vaultName}.`);
          }}
        />
      )}
    </Card>
  );
}
