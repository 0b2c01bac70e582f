"use client";

import { dateTime } from "@/lib/client/format";
import type { RekeyEntry, RekeyOutcome } from "@/lib/client/offboarding";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { RotationProgress } from "@/components/vaults/rotation-progress";
import type { VaultLabels } from "@/components/rotation/use-vault-labels";
import { StepIcon } from "./step-icon";
import type { RekeyRun } from "./use-rekey-run";

/** Each vault the person was in, and the button that re-keys the ones this viewer manages. */
export function RekeyCard({
  rekey,
  name,
  open,
  labels,
}: {
  rekey: RekeyRun;
  name: string;
  open: boolean;
  labels: VaultLabels;
}) {
  const { running, progress, ready, plan } = rekey;
  return (
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
          <Button onClick={() => void rekey.run()} disabled={!rekey.canRun}>
            Re-key {ready} {ready === 1 ? "vault" : "vaults"}
          </Button>
          <span className="text-sm text-stone-600">
            You manage {ready === 1 ? "this vault" : "these vaults"}: the new keys are made here.
          </span>
        </div>
      )}
      {rekey.outcome && <OutcomeAlert outcome={rekey.outcome} labels={labels} />}
      {rekey.error && <Alert className="mb-4">{rekey.error}</Alert>}
      {plan.length === 0 ? (
        <p className="text-sm text-stone-500">{name} was in no vault: nothing to re-key.</p>
      ) : (
        <ul aria-label="Vaults to re-key" className="divide-y divide-stone-100">
          {plan.map((entry) => (
            <RekeyRow
              key={entry.step.id}
              entry={entry}
              label={labels.vaultName(entry.vaultId)}
              doneHere={rekey.rekeyedHere.has(entry.vaultId)}
              current={running && progress?.vaultId === entry.vaultId}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}

function rekeyState(entry: RekeyEntry, label: string, doneHere: boolean, current: boolean) {
  const { step, state } = entry;
  if (state === "done") {
    return {
      text: `Re-keyed${step.actor ? ` by ${step.actor.name}` : ""}${step.completedAt ? `, ${dateTime(step.completedAt)}` : ""}`,
      tone: "text-emerald-700",
    };
  }
  if (doneHere) return { text: "Re-keyed just now", tone: "text-emerald-700" };
  if (state === "skipped") {
    return {
      text: "Nothing to re-key: nobody else is in this vault. Its items are flagged.",
      tone: "text-stone-600",
    };
  }
  if (current) return { text: "Re-keying now…", tone: "text-stone-900 font-medium" };
  if (state === "ready") return { text: "Ready: you manage this vault", tone: "text-stone-600" };
  if (state === "awaiting-handover") {
    return { text: "Waiting for a new manager: hand it over first", tone: "text-amber-800" };
  }
  return { text: `Waiting for ${label}'s managers`, tone: "text-amber-800" };
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
  const { text, tone } = rekeyState(entry, label, doneHere, current);
  return (
    <li data-testid="rekey-row" className="flex flex-wrap items-center gap-3 py-3 text-sm">
      <StepIcon status={doneHere ? "done" : entry.step.status} />
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
