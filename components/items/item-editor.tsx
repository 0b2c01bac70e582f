"use client";

import { generateSshKey, type ItemField } from "@/lib/crypto";
import type { DotenvEntry } from "@/lib/sdk/dotenv";
import {
  newFieldKey,
  type Draft,
  type DraftField,
  type DraftProblems,
} from "@/lib/client/items/draft";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { DotenvPaste } from "./dotenv-paste";
import { FieldEditor } from "./field-editor";
import { TagsInput } from "./tags-input";
import { TextArea } from "./text-area";

const newField = (field: Partial<ItemField>, custom: boolean): DraftField => ({
  name: field.name ?? "",
  value: field.value ?? "",
  secret: field.secret ?? false,
  kind: field.kind ?? "text",
  key: newFieldKey(),
  custom,
});

/** A fresh Ed25519 pair in place of any key fields, with its fingerprint beside it. */
function withGeneratedSshKey(draft: Draft): DraftField[] {
  const key = generateSshKey(draft.title.trim().replace(/[\u0000-\u001f\u007f]/g, "") || "coffer");
  const others = draft.fields.filter(
    (field) =>
      field.kind !== "public_key" && field.kind !== "private_key" && field.name !== "Fingerprint",
  );
  return [
    newField({ name: "Public key", value: key.publicKey, kind: "public_key" }, false),
    newField(
      { name: "Private key", value: key.privateKey, secret: true, kind: "private_key" },
      false,
    ),
    ...others,
    newField({ name: "Fingerprint", value: key.fingerprint, kind: "text" }, false),
  ];
}

/** Pasted variables: an existing name takes the new value, a new one becomes a secret field. */
function withDotenvEntries(fields: DraftField[], entries: DotenvEntry[]): DraftField[] {
  const merged = [...fields];
  for (const entry of entries) {
    const index = merged.findIndex((field) => field.name === entry.key);
    const existing = merged[index];
    if (existing) merged[index] = { ...existing, value: entry.value };
    else
      merged.push(
        newField(
          {
            name: entry.key,
            value: entry.value,
            secret: true,
            kind: /[\r\n]/.test(entry.value) ? "multiline" : "text",
          },
          true,
        ),
      );
  }
  return merged;
}

export function ItemEditor({
  draft,
  onChange,
  onRevealExisting,
  problems,
}: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  onRevealExisting?: () => void;
  /** Set once a save was refused: each input then says what is wrong with it. */
  problems: DraftProblems | null;
}) {
  const update = (change: Partial<Draft>) => onChange({ ...draft, ...change });
  const updateField = (key: number, change: Partial<DraftField>) =>
    update({
      fields: draft.fields.map((field) => (field.key === key ? { ...field, ...change } : field)),
    });

  return (
    <div className="space-y-5">
      <Field
        label="Title"
        value={draft.title}
        onChange={(event) => update({ title: event.target.value })}
        autoComplete="off"
        error={problems?.title}
      />

      {draft.type === "ssh_key" && (
        <div className="flex flex-wrap items-center gap-3 rounded-lg bg-stone-50 p-3 ring-1 ring-stone-200">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => update({ fields: withGeneratedSshKey(draft) })}
          >
            Generate Ed25519 key
          </Button>
          <span className="text-xs text-stone-600">
            Made on this device; the private key is stored only inside this encrypted item.
          </span>
        </div>
      )}

      {draft.type === "env_file" && (
        <DotenvPaste
          onImport={(entries) => update({ fields: withDotenvEntries(draft.fields, entries) })}
        />
      )}

      <div className="space-y-4">
        {draft.fields.map((field) => (
          <FieldEditor
            key={field.key}
            field={field}
            onChange={(change) => updateField(field.key, change)}
            onRemove={() =>
              update({ fields: draft.fields.filter((other) => other.key !== field.key) })
            }
            onRevealExisting={onRevealExisting}
            nameProblem={problems?.names.get(field.key)}
            valueProblem={problems?.values.get(field.key)}
          />
        ))}
        <Button
          variant="secondary"
          size="sm"
          onClick={() =>
            update({
              fields: [
                ...draft.fields,
                newField(draft.type === "env_file" ? { secret: true } : {}, true),
              ],
            })
          }
        >
          {draft.type === "env_file" ? "Add variable" : "Add field"}
        </Button>
      </div>

      {(draft.type === "login" || draft.urls.length > 0) && (
        <TextArea
          label="URLs"
          hint="One per line."
          rows={2}
          value={draft.urls.join("\n")}
          onChange={(value) => update({ urls: value.split("\n") })}
        />
      )}
      <TagsInput tags={draft.tags} onChange={(tags) => update({ tags })} />
      <TextArea
        label="Notes"
        rows={draft.type === "note" ? 8 : 3}
        value={draft.notes}
        onChange={(value) => update({ notes: value })}
        error={problems?.size}
      />
    </div>
  );
}
