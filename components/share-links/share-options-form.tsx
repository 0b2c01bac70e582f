"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import type { ShareLinkPolicyDto } from "@/lib/api/share-link";
import { SHARE_NOTE_MAX_CHARS } from "@/lib/crypto/share-link";
import {
  checkShareOptions,
  defaultExpiry,
  expiryChoices,
  type ShareOptions,
  type ShareOptionsDraft,
  type ShareOptionsField,
} from "@/lib/client/share-link-options";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { KdfProgress } from "@/components/kdf-progress";
import { SelectField } from "@/components/vaults/select-field";

/**
 * Expiry, views, passphrase and note of a new link, inside the org's policy. `children` is
 * what is being shared (a field's name, a text box, a file picker), shown above the options.
 */
export function ShareOptionsForm({
  policy,
  busy,
  error,
  onSubmit,
  onCancel,
  children,
}: {
  policy: ShareLinkPolicyDto;
  busy: boolean;
  error: { message: string; field?: string } | null;
  onSubmit: (options: ShareOptions) => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const [draft, setDraft] = useState<ShareOptionsDraft>(() => ({
    expiresInSeconds: defaultExpiry(policy),
    views: "1",
    passphrase: "",
    confirmation: "",
    note: "",
  }));
  const [problems, setProblems] = useState<Partial<Record<ShareOptionsField, string>>>({});
  const change = (changes: Partial<ShareOptionsDraft>) => setDraft({ ...draft, ...changes });
  // A server refusal that names an option lands under that option's input.
  const problem = (field: ShareOptionsField) =>
    problems[field] ?? (error?.field === field ? error.message : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkShareOptions(draft, policy);
    if ("problems" in checked) return setProblems(checked.problems);
    setProblems({});
    onSubmit(checked.options);
  }

  const fieldError =
    error?.field && ["expiresInSeconds", "maxViews", "passphrase", "note"].includes(error.field);
  return (
    <form className="space-y-4" onSubmit={submit} noValidate>
      {children}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Expires after"
          value={String(draft.expiresInSeconds)}
          onChange={(value) => change({ expiresInSeconds: Number(value) })}
          options={expiryChoices(policy).map((choice) => ({
            value: String(choice.seconds),
            label: choice.label,
          }))}
          error={problem("expiresInSeconds")}
          disabled={busy}
        />
        <Field
          label="Views"
          inputMode="numeric"
          value={draft.views}
          onChange={(event) => change({ views: event.target.value })}
          hint="How many times it can be opened, 1 to 100."
          error={problem("maxViews")}
          disabled={busy}
        />
      </div>
      <Field
        label={policy.passphraseRequired ? "Passphrase" : "Passphrase (optional)"}
        type="password"
        autoComplete="new-password"
        value={draft.passphrase}
        onChange={(event) => change({ passphrase: event.target.value })}
        hint="The link alone then opens nothing. Tell the recipient the passphrase another way."
        error={problem("passphrase")}
        disabled={busy}
      />
      {draft.passphrase.length > 0 && (
        <Field
          label="Passphrase again"
          type="password"
          autoComplete="new-password"
          value={draft.confirmation}
          onChange={(event) => change({ confirmation: event.target.value })}
          error={problem("confirmation")}
          disabled={busy}
        />
      )}
      <div>
        <label htmlFor="share-note" className="block text-sm font-medium text-stone-800">
          Note to the recipient (optional)
        </label>
        <textarea
          id="share-note"
          rows={2}
          maxLength={SHARE_NOTE_MAX_CHARS + 1}
          value={draft.note}
          onChange={(event) => change({ note: event.target.value })}
          aria-describedby="share-note-hint"
          aria-invalid={problem("note") ? true : undefined}
          disabled={busy}
          className="mt-1.5 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500"
        />
        <p id="share-note-hint" className="mt-1.5 text-xs text-stone-500">
          Encrypted with the secret; shown to the recipient when they open it.
        </p>
        {problem("note") && <p className="mt-1.5 text-sm text-red-700">{problem("note")}</p>}
      </div>
      {busy && draft.passphrase.length > 0 && (
        <KdfProgress label="Deriving the key from the passphrase…" />
      )}
      {error && !fieldError && <Alert>{error.message}</Alert>}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button type="submit" busy={busy} busyLabel="Encrypting…">
          Create link
        </Button>
      </div>
    </form>
  );
}
