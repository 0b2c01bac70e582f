"use client";

import Link from "next/link";
import { useState } from "react";
import type { OffboardingReport } from "@/lib/api/checklist";
import { flagReasonText } from "@/lib/client/service-accounts/labels";
import { Card, CardHeader } from "@/components/ui/card";
import { RekeyButton } from "@/components/service-accounts/rekey-button";

/**
 * The report's "re-key this service account" step: every account the person managed or minted
 * for, with the re-key action until a manager has done it.
 */
export function ReportServiceAccounts({
  accounts,
}: {
  accounts: OffboardingReport["serviceAccounts"];
}) {
  const [rekeyed, setRekeyed] = useState<Set<string>>(new Set());
  if (accounts.length === 0) return null;
  const open = accounts.filter(
    (account) => account.needsRekey && !rekeyed.has(account.serviceAccountId),
  ).length;
  return (
    <Card className="print:border-0 print:p-0 print:shadow-none">
      <CardHeader
        title="Service accounts to re-key"
        description={`${accounts.length} the person managed or made tokens for; ${open} still to re-key. A re-key makes new keys and ends every old token.`}
      />
      <ul className="divide-y divide-stone-100" aria-label="Service accounts to re-key">
        {accounts.map((account) => {
          const done = !account.needsRekey || rekeyed.has(account.serviceAccountId);
          return (
            <li
              key={account.serviceAccountId}
              className="flex flex-wrap items-start justify-between gap-3 py-3"
              data-testid="report-service-account-row"
            >
              <div>
                <Link
                  href={`/service-accounts/${account.serviceAccountId}`}
                  className="font-medium text-stone-900 underline-offset-2 hover:underline"
                >
                  {account.name}
                </Link>
                <p className="text-sm text-stone-600">
                  {done ? "Re-keyed." : flagReasonText(account.flagReason)}
                </p>
              </div>
              {!done && (
                <div className="print:hidden">
                  <RekeyButton
                    serviceAccountId={account.serviceAccountId}
                    name={account.name}
                    onDone={() =>
                      setRekeyed((current) => new Set([...current, account.serviceAccountId]))
                    }
                  />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
