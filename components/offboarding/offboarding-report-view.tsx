"use client";

import Link from "next/link";
import { useCallback, useMemo } from "react";
import type { OffboardingReport } from "@/lib/api/checklist";
import { dateTime } from "@/lib/client/format";
import { offboardingApi, reportFileName } from "@/lib/client/offboarding";
import { flagReasonLabel } from "@/lib/client/rotation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";
import { useResource } from "@/components/ui/use-resource";
import { PriorityBadge } from "@/components/rotation/priority-badge";
import { useVaultLabels } from "@/components/rotation/use-vault-labels";
import { ReportServiceAccounts } from "./report-service-accounts";

/**
 * The completion report of an offboarding: what was revoked, which vaults were re-keyed or
 * handed over, which items are flagged and who owns each. Printable (the shell and the
 * buttons are left off paper) and downloadable as the server's JSON.
 */
export function OffboardingReportView({ checklistId }: { checklistId: string }) {
  const load = useCallback(() => offboardingApi.report(checklistId), [checklistId]);
  const { data: report, error } = useResource(load);

  const vaultIds = useMemo(
    () => (report ? report.flaggedItems.map((item) => item.vaultId) : []),
    [report],
  );
  const labels = useVaultLabels(vaultIds);

  const download = useAction(
    useCallback(
      async (loaded: OffboardingReport) => {
        const blob = await offboardingApi.reportFile(checklistId);
        const url = URL.createObjectURL(blob);
        const link = document.createElement("a");
        link.href = url;
        link.download = reportFileName(loaded.person.email, loaded.startedAt);
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
      [checklistId],
    ),
  );

  if (error) return <Alert title="The report could not be loaded">{error}</Alert>;
  if (!report) {
    return (
      <p role="status" className="text-sm text-stone-500">
        Loading the report…
      </p>
    );
  }

  const { person, revoked } = report;
  const displayName = person.name || person.email;
  const high = report.flaggedItems.filter((item) => item.priority === "high").length;

  return (
    <article className="space-y-6 print:space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-stone-500 print:hidden">
        <Link href={`/offboarding/${encodeURIComponent(checklistId)}`} className="hover:underline">
          Offboarding {displayName}
        </Link>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-stone-900">
            Offboarding report: {displayName}
          </h1>
          <p className="mt-1 text-sm text-stone-600">
            {person.email} · started {dateTime(report.startedAt)} ·{" "}
            {report.completedAt ? `completed ${dateTime(report.completedAt)}` : "still in progress"}
          </p>
        </div>
        <div className="flex gap-2 print:hidden">
          <Button variant="secondary" onClick={() => window.print()}>
            Print
          </Button>
          <Button
            onClick={() => void download.run(report)}
            busy={download.pending}
            busyLabel="Downloading…"
          >
            Download JSON
          </Button>
        </div>
      </div>
      {download.error && <Alert className="print:hidden">{download.error.message}</Alert>}
      {!report.completedAt && (
        <Alert tone="info" className="print:hidden">
          The offboarding is still open: this report shows where it stands now.
        </Alert>
      )}

      <Card className="print:border-0 print:p-0 print:shadow-none">
        <CardHeader title="Revoked at once" />
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-5">
          {(
            [
              ["Sessions", revoked.sessions],
              ["Security keys", revoked.securityKeys],
              ["Machine tokens", revoked.machineTokens],
              ["Share links", revoked.shareLinks],
              ["Pending invites", revoked.invites],
            ] as const
          ).map(([label, value]) => (
            <div key={label}>
              <dt className="text-stone-500">{label}</dt>
              <dd className="text-lg font-semibold text-stone-900">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>

      <Card className="print:border-0 print:p-0 print:shadow-none">
        <CardHeader title="Vaults" />
        {report.vaults.length === 0 ? (
          <p className="text-sm text-stone-500">{displayName} was in no vault.</p>
        ) : (
          <table className="w-full text-left text-sm" aria-label="Vaults">
            <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-500 uppercase">
              <tr>
                <th scope="col" className="py-2 pr-3 font-semibold">
                  Vault
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Re-keyed
                </th>
                <th scope="col" className="py-2 pl-3 font-semibold">
                  Handed over to
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {report.vaults.map((vault) => (
                <tr key={vault.vaultId}>
                  <td className="py-2 pr-3 font-medium text-stone-900">
                    {labels.vaultName(vault.vaultId)}
                  </td>
                  <td className="px-3 py-2 text-stone-700">
                    {vault.rekeyed
                      ? `Yes${vault.rekeyedBy ? `, by ${vault.rekeyedBy.name}` : ""}${vault.rekeyedAt ? `, ${dateTime(vault.rekeyedAt)}` : ""}`
                      : "No"}
                  </td>
                  <td className="py-2 pl-3 text-stone-700">{vault.handedOverTo?.name ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>

      <Card className="print:border-0 print:p-0 print:shadow-none">
        <CardHeader
          title="Flagged items"
          description={`${report.flaggedItems.length} flagged: ${high} high priority (revealed or copied), ${report.flaggedItems.length - high} medium.`}
        />
        {report.flaggedItems.length === 0 ? (
          <p className="text-sm text-stone-500">No items were flagged.</p>
        ) : (
          <div className="-mx-6 overflow-x-auto sm:-mx-8 print:mx-0">
            <table className="w-full min-w-[40rem] text-left text-sm" aria-label="Flagged items">
              <thead className="border-b border-stone-200 text-xs tracking-wide text-stone-500 uppercase">
                <tr>
                  <th scope="col" className="px-6 py-2 font-semibold sm:px-8 print:px-0">
                    Item
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Vault
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Priority
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Reason
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Owner
                  </th>
                  <th scope="col" className="px-6 py-2 font-semibold sm:px-8 print:px-0">
                    State
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {report.flaggedItems.map((item) => (
                  <tr key={`${item.vaultId}:${item.itemId}`} data-testid="report-flag-row">
                    <td className="px-6 py-2 font-medium text-stone-900 sm:px-8 print:px-0">
                      {labels.itemTitle(item.itemId)}
                    </td>
                    <td className="px-3 py-2 text-stone-700">{labels.vaultName(item.vaultId)}</td>
                    <td className="px-3 py-2">
                      <PriorityBadge priority={item.priority} />
                    </td>
                    <td className="px-3 py-2 text-stone-700">
                      {flagReasonLabel(item.reason, displayName)}
                    </td>
                    <td className="px-3 py-2 text-stone-700">{item.owner?.name ?? "Unassigned"}</td>
                    <td className="px-6 py-2 sm:px-8 print:px-0">
                      {item.cleared ? (
                        <span className="text-emerald-700">Cleared</span>
                      ) : (
                        <span className="text-stone-700">Open</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <ReportServiceAccounts accounts={report.serviceAccounts} />
    </article>
  );
}
