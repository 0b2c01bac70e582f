"use client";

import Link from "next/link";
import type { FormEvent } from "react";
import { PLAIN_EXPORT_WARNING, type WholeExportFormat } from "@/lib/sdk/export";
import { NewPasswordFields } from "@/components/password-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { useExport } from "./use-export";

const FORMATS: Array<{ value: WholeExportFormat; label: string; description: string }> = [
  {
    value: "coffer",
    label: "Encrypted Coffer file",
    description:
      "Locked with a passphrase you choose; imports back into Coffer with every field and version.",
  },
  {
    value: "json",
    label: "Plain JSON",
    description: "Every vault and item as readable JSON, for other tools. Not encrypted.",
  },
  {
    value: "csv",
    label: "Plain CSV",
    description: "One row per item for a spreadsheet; item history is not included. Not encrypted.",
  },
];

/** Export every vault the person can read, made and downloaded in this tab. */
export function ExportView() {
  const state = useExport();
  const plain = state.format !== "coffer";

  function submit(event: FormEvent) {
    event.preventDefault();
    void state.start();
  }

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-stone-900">Export</h1>
        <p className="mt-1 text-stone-600">
          Every vault you can open, decrypted and written in this tab. Nothing of it is uploaded;
          the audit log records that you exported and how much.
        </p>
      </div>
      <Card>
        <CardHeader title="What to export" />
        <form onSubmit={submit} className="space-y-5" noValidate>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-stone-900">Format</legend>
            {FORMATS.map((option) => (
              <label key={option.value} className="flex gap-3 rounded-lg p-2 hover:bg-stone-50">
                <input
                  type="radio"
                  name="format"
                  value={option.value}
                  checked={state.format === option.value}
                  onChange={() => state.setFormat(option.value)}
                  disabled={state.busy}
                  className="mt-1"
                />
                <span>
                  <span className="block text-sm font-medium text-stone-900">{option.label}</span>
                  <span className="block text-sm text-stone-600">{option.description}</span>
                </span>
              </label>
            ))}
          </fieldset>

          {plain ? (
            <div className="space-y-3">
              <Alert tone="warning" title="This file will not be encrypted">
                {PLAIN_EXPORT_WARNING} Keep it off shared drives and delete it when you are done.
                You may be asked to confirm with your security key.
              </Alert>
              <label className="flex items-start gap-2 text-sm text-stone-900">
                <input
                  type="checkbox"
                  checked={state.plainUnderstood}
                  onChange={(event) => state.setPlainUnderstood(event.target.checked)}
                  disabled={state.busy}
                  aria-invalid={state.fieldError?.field === "plain" || undefined}
                  aria-describedby={state.fieldError?.field === "plain" ? "plain-error" : undefined}
                  className="mt-0.5"
                />
                I understand that anyone with this file can read every secret in it.
              </label>
              {state.fieldError?.field === "plain" ? (
                <p id="plain-error" className="text-sm text-red-700">
                  {state.fieldError.message}
                </p>
              ) : null}
            </div>
          ) : (
            <NewPasswordFields
              password={state.passphrase}
              confirm={state.confirm}
              onPasswordChange={state.setPassphrase}
              onConfirmChange={state.setConfirm}
              passwordLabel="Passphrase for the file"
              confirmLabel="The same passphrase again"
              passwordError={
                state.fieldError?.field === "passphrase" ? state.fieldError.message : null
              }
              confirmError={state.fieldError?.field === "confirm" ? state.fieldError.message : null}
              disabled={state.busy}
            />
          )}

          {state.format !== "csv" ? (
            <label className="flex items-center gap-2 text-sm text-stone-900">
              <input
                type="checkbox"
                checked={state.history}
                onChange={(event) => state.setHistory(event.target.checked)}
                disabled={state.busy}
              />
              Include every item&apos;s earlier versions (slower: one request per item)
            </label>
          ) : null}

          {state.progress ? (
            <div role="status" aria-live="polite" className="text-sm text-stone-700">
              <progress
                className="w-full"
                max={Math.max(state.progress.vaults, 1)}
                value={state.progress.vault}
                aria-label="Vaults exported"
              />
              {state.progress.vault < state.progress.vaults
                ? `Vault ${state.progress.vault + 1} of ${state.progress.vaults}: ${state.progress.name}`
                : "Writing the file…"}
            </div>
          ) : null}

          {state.error ? <Alert>{state.error}</Alert> : null}
          {state.done ? (
            <Alert tone="success" title="Export ready">
              {state.done.vaultCount} vaults and {state.done.itemCount} items went into the
              downloaded file.
              {state.done.omitted.length > 0
                ? ` Left out: ${state.done.omitted.map((entry) => `${entry.vault} (${entry.message})`).join("; ")}`
                : ""}
            </Alert>
          ) : null}

          <div className="flex items-center gap-3">
            <Button type="submit" busy={state.busy} variant={plain ? "danger" : "primary"}>
              {plain ? "Export unencrypted file" : "Export encrypted file"}
            </Button>
            <Link href="/settings" className="text-sm text-stone-600 underline">
              Back to settings
            </Link>
          </div>
        </form>
      </Card>
    </div>
  );
}
