"use client";

import Link from "next/link";
import { flagReasonText, lifetimeLabel } from "@/lib/client/service-accounts/labels";
import { Alert } from "@/components/ui/alert";
import { AccountActions } from "./account-actions";
import { AccountStatusBadge, MachineBadge } from "./badges";
import { FingerprintCard } from "./fingerprint-card";
import { GrantsPanel } from "./grants-panel";
import { ManagersPanel } from "./managers-panel";
import { RekeyButton } from "./rekey-button";
import { TokensPanel } from "./tokens-panel";
import { useServiceAccount } from "./use-service-account";

export function ServiceAccountView({ serviceAccountId }: { serviceAccountId: string }) {
  const { data, error, reload } = useServiceAccount(serviceAccountId);

  if (!data) {
    return error ? (
      <Alert>{error}</Alert>
    ) : (
      <p role="status" className="text-sm text-stone-500">
        Loading the service account…
      </p>
    );
  }
  const { detail, trust, tokens } = data;
  const account = detail.serviceAccount;

  return (
    <div className="space-y-6">
      <Link href="/service-accounts" className="text-sm text-stone-600 hover:text-stone-900">
        ← Service accounts
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="flex flex-wrap items-center gap-2 text-2xl font-semibold text-stone-900">
            {account.name} <MachineBadge /> <AccountStatusBadge status={account.status} />
          </h1>
          {account.description && <p className="mt-1 text-stone-600">{account.description}</p>}
          <p className="mt-1 text-sm text-stone-500">
            Session tokens live at most {lifetimeLabel(account.maxTokenTtlSeconds)}.
          </p>
        </div>
        {account.manages && <AccountActions detail={detail} reload={reload} />}
      </div>
      {error && <Alert>{error}</Alert>}
      {account.flaggedAt && (
        <Alert tone="warning" title="This service account is flagged">
          {flagReasonText(account.flagReason)}
        </Alert>
      )}
      {account.manages && (
        <RekeyButton
          serviceAccountId={account.id}
          name={account.name}
          detail={detail}
          onDone={reload}
        />
      )}
      {account.status === "disabled" && (
        <Alert tone="info">Disabled: every token of this account is refused.</Alert>
      )}
      <FingerprintCard detail={detail} trust={trust} onPinned={reload} />
      <ManagersPanel detail={detail} reload={reload} />
      <GrantsPanel detail={detail} trust={trust} reload={reload} />
      {tokens && <TokensPanel detail={detail} tokens={tokens} reload={reload} />}
    </div>
  );
}
