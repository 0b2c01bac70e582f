"use client";

import Link from "next/link";
import { useState } from "react";
import type { ServiceAccountSummaryDto } from "@/lib/api/machine";
import { flagReasonText } from "@/lib/client/service-accounts/labels";
import { serviceAccountApi } from "@/lib/client/service-accounts/service-account-api";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useResource } from "@/components/ui/use-resource";
import { AccountStatusBadge, MachineBadge } from "./badges";
import { NewServiceAccountDialog } from "./new-service-account-dialog";
import { countOf } from "@/lib/client/format";

const loadList = () => serviceAccountApi.list();

export function ServiceAccountsView() {
  const { data, error } = useResource(loadList);
  const [creating, setCreating] = useState(false);
  const accounts = data?.serviceAccounts ?? null;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-stone-900">Service accounts</h1>
          <p className="mt-1 text-stone-600">
            Identities for CI jobs, containers and build servers, with tokens that expire, run out
            and stay end-to-end encrypted.
          </p>
        </div>
        <Button onClick={() => setCreating(true)}>New service account</Button>
      </div>

      {error && <Alert>{error}</Alert>}
      {accounts === null && !error && (
        <p role="status" className="text-sm text-stone-500">
          Loading service accounts…
        </p>
      )}

      {accounts !== null && accounts.length === 0 && (
        <Card className="text-center">
          <p className="text-lg font-medium text-stone-900">No service accounts yet</p>
          <p className="mx-auto mt-1 max-w-xl text-sm text-stone-600">
            A service account lets a program — a CI job, a container at start-up, a build server —
            read the vaults you grant it, with a token you limit in time, uses, addresses and scope.
            The program decrypts the secrets itself: the server still never holds a key.
          </p>
          <Button className="mt-4" onClick={() => setCreating(true)}>
            New service account
          </Button>
        </Card>
      )}

      {accounts !== null && accounts.length > 0 && (
        <ul className="space-y-3" aria-label="Service accounts">
          {accounts.map((account) => (
            <AccountRow key={account.id} account={account} />
          ))}
        </ul>
      )}

      {creating && <NewServiceAccountDialog onClose={() => setCreating(false)} />}
    </div>
  );
}

function AccountRow({ account }: { account: ServiceAccountSummaryDto }) {
  return (
    <li data-testid="service-account-row">
      <Link
        href={`/service-accounts/${encodeURIComponent(account.id)}`}
        className="block rounded-2xl border border-stone-200 bg-white px-5 py-4 shadow-sm hover:border-stone-400 focus-visible:outline-2 focus-visible:outline-stone-900"
      >
        <span className="flex flex-wrap items-center gap-2">
          <MachineBadge />
          <span className="font-medium text-stone-900">{account.name}</span>
          <AccountStatusBadge status={account.status} />
          {account.manages && <span className="text-xs text-stone-500">You manage it</span>}
        </span>
        {account.description && (
          <span className="mt-1 block text-sm text-stone-600">{account.description}</span>
        )}
        <span className="mt-2 block text-xs text-stone-500">
          {countOf(account.vaultCount, "vault")} · {countOf(account.liveTokenCount, "live token")}
        </span>
        {account.flaggedAt && (
          <span className="mt-2 block text-sm text-red-700">
            {flagReasonText(account.flagReason)}
          </span>
        )}
      </Link>
    </li>
  );
}
