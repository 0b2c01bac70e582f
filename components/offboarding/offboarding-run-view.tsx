"use client";

import Link from "next/link";
import type { OffboardingReport } from "@/lib/api/checklist";
import { dateTime } from "@/lib/client/format";
import { StatusBadge } from "@/components/status-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { useVaultLabels } from "@/components/rotation/use-vault-labels";
import { FlagSummary } from "./flag-summary";
import { HandoverRow } from "./handover-row";
import { ManualStepRow } from "./manual-step-row";
import { RekeyCard } from "./rekey-card";
import { StepIcon } from "./step-icon";
import { useOffboardingRun } from "./use-offboarding-run";
import { useRekeyRun } from "./use-rekey-run";

const AT_ONCE = new Set(["suspend", "revoke_access", "flag_items"]);

/**
 * One offboarding as it runs: what Coffer did at once, the hand-overs, the re-keying of each
 * vault (done here, in this browser, for the vaults the viewer manages), the flags raised, the
 * manual steps and, at the end, the report.
 */
export function OffboardingRunView({
  checklistId,
  isAdmin,
}: {
  checklistId: string;
  isAdmin: boolean;
}) {
  const { checklist, setChecklist, report, managed, adminVaults, error, load } = useOffboardingRun(
    checklistId,
    isAdmin,
  );
  const rekey = useRekeyRun({ checklistId, checklist, managed, reload: load });
  const labels = useVaultLabels([]);

  if (error) {
    return (
      <Alert title="This offboarding could not be loaded">
        <p>{error}</p>
        <Button variant="secondary" size="sm" className="mt-2" onClick={() => void load()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (!checklist) {
    return (
      <p role="status" className="text-sm text-stone-500">
        Loading the offboarding…
      </p>
    );
  }
  if (checklist.kind !== "offboarding") {
    return (
      <Alert title="This checklist is not an offboarding">
        <Link href={`/admin/checklists/${encodeURIComponent(checklistId)}`} className="underline">
          Open it as a checklist
        </Link>
      </Alert>
    );
  }

  const name = checklist.subject.name ?? checklist.subject.email;
  const open = checklist.status === "open";
  const atOnce = checklist.steps.filter((step) => step.action && AT_ONCE.has(step.action));
  const handovers = checklist.steps.filter((step) => step.action === "handover_vault");
  const manual = checklist.steps.filter((step) => step.kind === "manual");
  const reportHref = `/offboarding/${encodeURIComponent(checklistId)}/report`;
  const { done, total } = checklist.progress;

  return (
    <div className="space-y-6">
      {isAdmin && (
        <nav aria-label="Breadcrumb" className="text-sm text-stone-500">
          <Link href="/admin/people" className="hover:underline">
            People
          </Link>
        </nav>
      )}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-stone-900">Offboarding {name}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-600">
            <span>{checklist.subject.email}</span>
            <span aria-hidden="true">·</span>
            <span>
              started by {checklist.startedBy.name}, {dateTime(checklist.startedAt)}
            </span>
            <StatusBadge status={checklist.status} />
          </p>
        </div>
        <Link
          href={reportHref}
          className="inline-flex items-center rounded-lg px-4 py-2.5 text-sm font-medium text-stone-900 ring-1 ring-stone-300 ring-inset hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-stone-900"
        >
          {open ? "Report so far" : "View the report"}
        </Link>
      </div>

      <div className="space-y-1.5">
        <p className="text-sm text-stone-700">
          {done} of {total} steps done
        </p>
        <div
          role="progressbar"
          aria-label="Offboarding progress"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          className="h-2 overflow-hidden rounded-full bg-stone-200"
        >
          <div
            className={`h-full ${open ? "bg-stone-900" : "bg-emerald-600"}`}
            style={{ width: `${total ? Math.round((done / total) * 100) : 100}%` }}
          />
        </div>
      </div>

      {checklist.status === "done" && (
        <Alert tone="success" title="Offboarding complete">
          Every step is done.{" "}
          <Link href={reportHref} className="font-medium underline">
            Read and export the report
          </Link>
          .
        </Alert>
      )}

      <Card>
        <CardHeader title="Done at once" />
        <ul className="space-y-3" aria-label="Automatic steps">
          {atOnce.map((step) => (
            <li key={step.id} className="flex items-start gap-3 text-sm">
              <StepIcon status={step.status} />
              <div>
                <p className="font-medium text-stone-900">{step.title}</p>
                <p className="text-stone-600">
                  {step.action === "revoke_access" && report
                    ? revokedSummary(report.revoked)
                    : step.description}
                </p>
              </div>
            </li>
          ))}
        </ul>
      </Card>

      {handovers.length > 0 && (
        <Card>
          <CardHeader
            title="Hand over"
            description={`${name} was the only manager of these vaults. Choose a member to manage each; they then re-key it.`}
          />
          <ul className="divide-y divide-stone-100">
            {handovers.map((step) => (
              <HandoverRow
                key={step.id}
                checklistId={checklistId}
                step={step}
                label={labels.vaultName(step.vaultId ?? "")}
                subjectId={checklist.subject.userId}
                vault={adminVaults?.find((vault) => vault.id === step.vaultId) ?? null}
                canAct={isAdmin && open}
                onDone={(updated) => {
                  setChecklist(updated);
                  void load();
                  labels.reload();
                }}
              />
            ))}
          </ul>
        </Card>
      )}

      <RekeyCard rekey={rekey} name={name} open={open} labels={labels} />

      <FlagSummary report={report} personId={checklist.subject.userId} name={name} />

      {manual.length > 0 && (
        <Card>
          <CardHeader title="Manual steps" description="Done by a person, then checked off here." />
          <ul className="divide-y divide-stone-100">
            {manual.map((step) => (
              <ManualStepRow
                key={step.id}
                checklistId={checklistId}
                step={step}
                open={open}
                onChange={setChecklist}
              />
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

function revokedSummary(revoked: OffboardingReport["revoked"]): string {
  const count = (value: number, one: string, many: string) =>
    `${value} ${value === 1 ? one : many}`;
  return `Revoked ${[
    count(revoked.sessions, "session", "sessions"),
    count(revoked.securityKeys, "security key", "security keys"),
    count(revoked.machineTokens, "machine token", "machine tokens"),
    count(revoked.shareLinks, "share link", "share links"),
    count(revoked.invites, "pending invite", "pending invites"),
  ].join(", ")}.`;
}
