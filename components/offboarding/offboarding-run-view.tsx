"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ChecklistDto, ChecklistStepDto, OffboardingReport } from "@/lib/api/checklist";
import type { AdminVaultDto } from "@/lib/api/vault";
import { errorMessage } from "@/lib/client/api";
import { checklistApi } from "@/lib/client/checklists";
import { dateTime } from "@/lib/client/format";
import {
  isInterruption,
  managedVaultIds,
  offboardingApi,
  rekeyOffboardingVaults,
  rekeyPlan,
  rekeyResume,
  type RekeyEntry,
  type RekeyOutcome,
  type RekeyProgress,
} from "@/lib/client/offboarding";
import { useKeyring } from "@/components/keyring-provider";
import { StatusBadge } from "@/components/status-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { RotationProgress } from "@/components/vaults/rotation-progress";
import { SelectField } from "@/components/vaults/select-field";
import { useVaultLabels, type VaultLabels } from "@/components/rotation/use-vault-labels";

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
  const keyring = useKeyring();
  const [checklist, setChecklist] = useState<ChecklistDto | null>(null);
  const [report, setReport] = useState<OffboardingReport | null>(null);
  const [managed, setManaged] = useState<Set<string> | null>(null);
  const [adminVaults, setAdminVaults] = useState<AdminVaultDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<RekeyProgress | null>(null);
  const [outcome, setOutcome] = useState<RekeyOutcome | null>(null);
  const [rekeyError, setRekeyError] = useState<string | null>(null);
  const [rekeyedHere, setRekeyedHere] = useState<Set<string>>(new Set());
  const resumeTried = useRef(false);
  const leaving = useRef(false);

  useEffect(() => {
    const onPageHide = () => {
      leaving.current = true;
    };
    window.addEventListener("pagehide", onPageHide);
    return () => window.removeEventListener("pagehide", onPageHide);
  }, []);

  const load = useCallback(async () => {
    try {
      const [run, vaults] = await Promise.all([
        offboardingApi.checklist(checklistId),
        managedVaultIds(),
      ]);
      setChecklist(run);
      setManaged(vaults);
      setError(null);
      // The report and the admin's view of memberships only add detail: their failure is not
      // the page's.
      offboardingApi
        .report(checklistId)
        .then(setReport)
        .catch(() => setReport(null));
      if (isAdmin) {
        offboardingApi
          .adminVaults()
          .then((result) => setAdminVaults(result.vaults))
          .catch(() => setAdminVaults(null));
      }
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [checklistId, isAdmin]);

  useEffect(() => {
    // State is set only when the requests settle.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const plan = useMemo(
    () => (checklist && managed ? rekeyPlan(checklist, managed) : []),
    [checklist, managed],
  );
  const ready = plan.filter(
    (entry) => entry.state === "ready" && !rekeyedHere.has(entry.vaultId),
  ).length;
  const labels = useVaultLabels([]);

  const runRekey = useCallback(async () => {
    if (!keyring) return;
    rekeyResume.mark(checklistId);
    setRunning(true);
    setOutcome(null);
    setRekeyError(null);
    const started = performance.now();
    let interrupted = false;
    try {
      const result = await rekeyOffboardingVaults({
        keyring,
        checklistId,
        onProgress: setProgress,
        onVaultDone: (vaultId) => setRekeyedHere((previous) => new Set(previous).add(vaultId)),
      });
      // Read by the offboarding benchmark: the re-keying alone, and from the start of the
      // offboarding (when it was started from this tab) to its last vault.
      performance.measure("coffer:offboard-rekey", { start: started, end: performance.now() });
      if (performance.getEntriesByName("coffer:offboard-start", "mark").length > 0) {
        performance.measure("coffer:offboard-total", "coffer:offboard-start");
      }
      setOutcome(result);
    } catch (caught) {
      interrupted = isInterruption(caught);
      setRekeyError(errorMessage(caught));
    } finally {
      // Finished or failed, this run is over: only an interrupted one (the connection lost,
      // the page reloaded or closed midway) resumes when the page is opened again.
      if (!interrupted && !leaving.current) rekeyResume.clear(checklistId);
      setRunning(false);
      setProgress(null);
      await load();
    }
  }, [keyring, checklistId, load]);

  useEffect(() => {
    if (!checklist || !managed || running || resumeTried.current) return;
    resumeTried.current = true;
    if (!rekeyResume.pending(checklistId)) return;
    if (plan.some((entry) => entry.state === "ready")) {
      // A re-keying this tab started before a reload: carry on with what is still pending.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      void runRekey();
    } else {
      rekeyResume.clear(checklistId);
    }
  }, [checklist, managed, running, plan, checklistId, runRekey]);

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
          {checklist.progress.done} of {checklist.progress.total} steps done
        </p>
        <div
          role="progressbar"
          aria-label="Offboarding progress"
          aria-valuemin={0}
          aria-valuemax={checklist.progress.total}
          aria-valuenow={checklist.progress.done}
          className="h-2 overflow-hidden rounded-full bg-stone-200"
        >
          <div
            className={`h-full ${open ? "bg-stone-900" : "bg-emerald-600"}`}
            style={{
              width: `${checklist.progress.total ? Math.round((checklist.progress.done / checklist.progress.total) * 100) : 100}%`,
            }}
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

      <Card>
        <CardHeader
          title="Re-key vaults"
          description={`Each vault ${name} was in gets a new key, made in a manager's browser: every item is re-encrypted on that device and ${name} is removed. Keep this page open while it runs; if it closes, it picks up where it stopped.`}
        />
        {running && progress && (
          <div className="mb-5 space-y-3">
            <p role="status" className="text-sm font-medium text-stone-900">
              Re-keying {progress.vault} of {progress.vaults}{" "}
              {progress.vaults === 1 ? "vault" : "vaults"}…
            </p>
            <div
              role="progressbar"
              aria-label="Re-keying vaults"
              aria-valuemin={0}
              aria-valuemax={progress.vaults}
              aria-valuenow={progress.vault - 1}
              className="h-2 overflow-hidden rounded-full bg-stone-200"
            >
              <div
                className="h-full bg-stone-900 transition-[width]"
                style={{ width: `${Math.round(((progress.vault - 1) / progress.vaults) * 100)}%` }}
              />
            </div>
            <RotationProgress {...progress.items} />
          </div>
        )}
        {running && !progress && (
          <p role="status" className="mb-5 text-sm text-stone-600">
            Preparing…
          </p>
        )}
        {!running && ready > 0 && open && (
          <div className="mb-5 flex flex-wrap items-center gap-3">
            <Button onClick={() => void runRekey()} disabled={!keyring}>
              Re-key {ready} {ready === 1 ? "vault" : "vaults"}
            </Button>
            <span className="text-sm text-stone-600">
              You manage {ready === 1 ? "this vault" : "these vaults"}: the new keys are made here.
            </span>
          </div>
        )}
        {outcome && <OutcomeAlert outcome={outcome} labels={labels} />}
        {rekeyError && <Alert className="mb-4">{rekeyError}</Alert>}
        {plan.length === 0 ? (
          <p className="text-sm text-stone-500">{name} was in no vault: nothing to re-key.</p>
        ) : (
          <ul aria-label="Vaults to re-key" className="divide-y divide-stone-100">
            {plan.map((entry) => (
              <RekeyRow
                key={entry.step.id}
                entry={entry}
                label={labels.vaultName(entry.vaultId)}
                doneHere={rekeyedHere.has(entry.vaultId)}
                current={running && progress?.vaultId === entry.vaultId}
              />
            ))}
          </ul>
        )}
      </Card>

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

function StepIcon({ status }: { status: ChecklistStepDto["status"] }) {
  const done = status !== "pending";
  return (
    <span
      aria-hidden="true"
      className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${
        done ? "bg-emerald-100 text-emerald-800" : "bg-stone-200 text-stone-600"
      }`}
    >
      {status === "done" ? "✓" : status === "skipped" ? "–" : "·"}
    </span>
  );
}

function RekeyRow({
  entry,
  label,
  doneHere,
  current,
}: {
  entry: RekeyEntry;
  label: string;
  doneHere: boolean;
  current: boolean;
}) {
  const { step, state } = entry;
  let text: string;
  let tone = "text-stone-600";
  if (state === "done") {
    text = `Re-keyed${step.actor ? ` by ${step.actor.name}` : ""}${step.completedAt ? `, ${dateTime(step.completedAt)}` : ""}`;
    tone = "text-emerald-700";
  } else if (doneHere) {
    text = "Re-keyed just now";
    tone = "text-emerald-700";
  } else if (state === "skipped") {
    text = "Nothing to re-key: nobody else is in this vault. Its items are flagged.";
  } else if (current) {
    text = "Re-keying now…";
    tone = "text-stone-900 font-medium";
  } else if (state === "ready") {
    text = "Ready: you manage this vault";
  } else if (state === "awaiting-handover") {
    text = "Waiting for a new manager: hand it over first";
    tone = "text-amber-800";
  } else {
    text = `Waiting for ${label}'s managers`;
    tone = "text-amber-800";
  }
  return (
    <li data-testid="rekey-row" className="flex flex-wrap items-center gap-3 py-3 text-sm">
      <StepIcon status={doneHere ? "done" : step.status} />
      <span className="min-w-0 flex-1 font-medium text-stone-900">{label}</span>
      <span className={tone}>{text}</span>
    </li>
  );
}

function OutcomeAlert({ outcome, labels }: { outcome: RekeyOutcome; labels: VaultLabels }) {
  const done = outcome.rekeyed.length;
  if (outcome.failed.length === 0) {
    return (
      <Alert tone="success" className="mb-4">
        {done === 0
          ? "Nothing was left for you to re-key."
          : `Re-keyed ${done} ${done === 1 ? "vault" : "vaults"}.`}
        {outcome.doneElsewhere.length > 0 &&
          ` ${outcome.doneElsewhere.length} had been re-keyed by another manager meanwhile.`}
      </Alert>
    );
  }
  return (
    <Alert
      className="mb-4"
      title={`${outcome.failed.length} ${outcome.failed.length === 1 ? "vault was" : "vaults were"} not re-keyed${done ? ` (${done} done)` : ""}`}
    >
      <ul className="list-disc pl-5">
        {outcome.failed.map((failure) => (
          <li key={failure.vaultId}>
            {labels.vaultName(failure.vaultId)}: {failure.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function HandoverRow({
  checklistId,
  step,
  label,
  subjectId,
  vault,
  canAct,
  onDone,
}: {
  checklistId: string;
  step: ChecklistStepDto;
  label: string;
  subjectId: string | null;
  vault: AdminVaultDto | null;
  canAct: boolean;
  onDone: (checklist: ChecklistDto) => void;
}) {
  const [managerId, setManagerId] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const candidates = (vault?.members ?? []).filter((member) => member.userId !== subjectId);

  async function handOver() {
    if (!managerId) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await offboardingApi.handOver(checklistId, step.id, managerId));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li data-testid="handover-row" className="py-3 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <StepIcon status={step.status} />
        <span className="min-w-0 flex-1 font-medium text-stone-900">{label}</span>
        {step.status !== "pending" ? (
          <span className="text-emerald-700">
            Handed over{step.actor ? ` by ${step.actor.name}` : ""}
            {step.completedAt ? `, ${dateTime(step.completedAt)}` : ""}
          </span>
        ) : !canAct ? (
          <span className="text-amber-800">Waiting for an admin to choose a new manager</span>
        ) : candidates.length === 0 ? (
          <span className="text-stone-600">Loading members…</span>
        ) : (
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              void handOver();
            }}
          >
            <SelectField
              label={`New manager of ${label}`}
              hideLabel
              value={managerId}
              onChange={setManagerId}
              options={[
                { value: "", label: "Choose a member…" },
                ...candidates.map((member) => ({
                  value: member.userId,
                  label: `${member.name} <${member.email}>`,
                })),
              ]}
            />
            <Button
              type="submit"
              size="sm"
              disabled={!managerId}
              busy={busy}
              busyLabel="Handing over…"
            >
              Hand over
            </Button>
          </form>
        )}
      </div>
      {error && <Alert className="mt-2">{error}</Alert>}
    </li>
  );
}

function FlagSummary({
  report,
  personId,
  name,
}: {
  report: OffboardingReport | null;
  personId: string | null;
  name: string;
}) {
  const flags = report?.flaggedItems ?? [];
  const high = flags.filter((flag) => flag.priority === "high").length;
  const cleared = flags.filter((flag) => flag.cleared).length;
  return (
    <Card>
      <CardHeader
        title="Flagged items"
        description={`Every item ${name} could decrypt needs a new value: rotating the vault key does not change what they saw.`}
      />
      {report === null ? (
        <p role="status" className="text-sm text-stone-500">
          Loading…
        </p>
      ) : flags.length === 0 ? (
        <p className="text-sm text-stone-600">No items were flagged.</p>
      ) : (
        <p className="text-sm text-stone-800" data-testid="flag-summary">
          {flags.length} {flags.length === 1 ? "item" : "items"} flagged: {high} high priority
          (revealed or copied), {flags.length - high} medium. {cleared} cleared so far.
        </p>
      )}
      {personId && (
        <Link
          href={`/rotation?person=${encodeURIComponent(personId)}`}
          className="mt-3 inline-block text-sm font-medium text-stone-900 underline"
        >
          Open {name}&apos;s flags in the rotation tracker
        </Link>
      )}
    </Card>
  );
}

function ManualStepRow({
  checklistId,
  step,
  open,
  onChange,
}: {
  checklistId: string;
  step: ChecklistStepDto;
  open: boolean;
  onChange: (checklist: ChecklistDto) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function set(status: "pending" | "done" | "skipped") {
    setBusy(true);
    setError(null);
    try {
      onChange(await checklistApi.setStepStatus(checklistId, step.id, status));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="py-3 text-sm">
      <div className="flex flex-wrap items-start gap-3">
        <StepIcon status={step.status} />
        <div className="min-w-0 flex-1">
          <p className="font-medium text-stone-900">{step.title}</p>
          {step.description && <p className="text-stone-600">{step.description}</p>}
          {step.link && (
            <a
              href={step.link}
              target="_blank"
              rel="noreferrer noopener"
              className="text-sky-800 underline"
            >
              {step.link}
            </a>
          )}
          {step.status !== "pending" && step.actor && (
            <p className="text-xs text-stone-500">
              {step.status === "done" ? "Done" : "Skipped"} by {step.actor.name}
              {step.completedAt ? `, ${dateTime(step.completedAt)}` : ""}
            </p>
          )}
        </div>
        {open &&
          (step.status === "pending" ? (
            <span className="flex gap-2">
              <Button
                size="sm"
                variant="secondary"
                busy={busy}
                onClick={() => void set("done")}
                aria-label={`Mark done: ${step.title}`}
              >
                Mark done
              </Button>
              <Button
                size="sm"
                variant="ghost"
                disabled={busy}
                onClick={() => void set("skipped")}
                aria-label={`Skip "${step.title}"`}
              >
                Skip
              </Button>
            </span>
          ) : (
            <Button
              size="sm"
              variant="ghost"
              busy={busy}
              onClick={() => void set("pending")}
              aria-label={`Reopen "${step.title}"`}
            >
              Reopen
            </Button>
          ))}
      </div>
      {error && <Alert className="mt-2">{error}</Alert>}
    </li>
  );
}
