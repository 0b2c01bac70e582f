"use client";

import { useState } from "react";
import type { MachineTokenDto, ServiceAccountDetailResponse } from "@/lib/api/machine";
import { dateTime, relativeTime } from "@/lib/client/format";
import { TOKEN_KINDS } from "@/lib/client/service-accounts/labels";
import { serviceAccountApi } from "@/lib/client/service-accounts/service-account-api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";
import { useVaultNames } from "@/components/vaults/use-vault-names";
import { TokenStatusBadge } from "./badges";
import { NewTokenDialog } from "./new-token-dialog";
import { TokenShownOnce } from "./token-shown-once";

export function TokensPanel({
  detail,
  tokens,
  reload,
}: {
  detail: ServiceAccountDetailResponse;
  tokens: MachineTokenDto[];
  reload: () => Promise<void>;
}) {
  const account = detail.serviceAccount;
  const vaultNames = useVaultNames(detail.grants.length > 0);
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<MachineTokenDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const revoke = useAction(async (token: MachineTokenDto) => {
    await serviceAccountApi.revokeToken(account.id, token.id);
    setRevoking(null);
    await reload();
    setNotice(`${tokenName(token)} is revoked: its next request is refused.`);
  });

  return (
    <Card>
      <CardHeader
        title="Tokens"
        description="Each token carries its own copy of the account's key, under a key only the token holds."
        action={
          <Button onClick={() => setCreating(true)} disabled={account.status !== "active"}>
            New token
          </Button>
        }
      />
      {notice && (
        <Alert tone="success" className="mb-4">
          {notice}
        </Alert>
      )}
      {tokens.length === 0 ? (
        <p className="text-sm text-stone-500">No tokens yet.</p>
      ) : (
        <ul className="divide-y divide-stone-100" aria-label="Tokens">
          {tokens.map((token) => (
            <li key={token.id} data-testid="token-row" className="flex flex-wrap gap-3 py-3">
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
                  {tokenName(token)}
                  <TokenStatusBadge status={token.status} />
                </p>
                <p className="mt-1 text-xs text-stone-500">{tokenFacts(token)}</p>
                <p className="mt-0.5 text-xs text-stone-500">
                  {token.lastUsedAt
                    ? `Last used ${relativeTime(token.lastUsedAt)}${token.lastUsedAddress ? ` from ${token.lastUsedAddress}` : ""}`
                    : "Never used"}
                </p>
              </div>
              {token.status === "active" && (
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => setRevoking(token)}
                  aria-label={`Revoke ${tokenName(token)}`}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}

      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking ? tokenName(revoking) : ""}?`}
        confirmLabel="Revoke token"
        busy={revoke.pending}
        busyLabel="Revoking…"
        error={revoke.error?.message}
        onConfirm={() => revoking && void revoke.run(revoking)}
        onCancel={() => setRevoking(null)}
      >
        <p>Whatever holds this token is refused from its next request on. This cannot be undone.</p>
      </ConfirmDialog>
      {creating && (
        <NewTokenDialog
          detail={detail}
          vaultNames={vaultNames}
          onClose={() => setCreating(false)}
          onCreated={async (token) => {
            setCreating(false);
            setShown(token);
            await reload();
          }}
        />
      )}
      {shown && <TokenShownOnce token={shown} onClose={() => setShown(null)} />}
    </Card>
  );
}

function tokenName(token: MachineTokenDto): string {
  return token.name || `${TOKEN_KINDS[token.kind].label} token ${token.id.slice(0, 6)}`;
}

function tokenFacts(token: MachineTokenDto): string {
  const facts = [
    TOKEN_KINDS[token.kind].label,
    `${new Date(token.expiresAt) > new Date() ? "expires" : "expired"} ${dateTime(token.expiresAt)}`,
    token.maxUses === null
      ? "no use limit"
      : `${token.usesLeft ?? 0} of ${token.maxUses} uses left`,
  ];
  if (token.readOnly) facts.push("read-only");
  if (token.allowedCidrs.length) facts.push(`from ${token.allowedCidrs.join(", ")}`);
  if (token.vaultIds.length) facts.push(`${token.vaultIds.length} vault(s)`);
  return facts.join(" · ");
}
