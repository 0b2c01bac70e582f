"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { generateSshKey, ITEM_FIELD_KINDS, type ItemField, type ItemPlaintext } from "@/lib/crypto";
import { parseDotenv } from "@/lib/sdk/dotenv";
import { totpSeedProblem } from "@/lib/client/vaults/totp";
import { ITEM_TYPE_LABELS } from "@/lib/client/vaults/templates";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PasswordGenerator } from "./password-generator";

export type DraftField = ItemField & { key: number; custom: boolean };
export type Draft = Omit<ItemPlaintext, "fields"> & { fields: DraftField[] };

let nextKey = 1;
export function toDraft(item: ItemPlaintext): Draft {
  return {
    ...item,
    fields: item.fields.map((field) => ({ ...field, key: nextKey++, custom: false })),
  };
}
export function fromDraft(draft: Draft): ItemPlaintext {
  return {
    type: draft.type,
    title: draft.title.trim(),
    fields: draft.fields.map(({ name, value, secret, kind }) => ({
      name: name.trim(),
      value,
      secret,
      kind,
    })),
    notes: draft.notes,
    urls: draft.urls.map((url) => url.trim()).filter(Boolean),
    tags: draft.tags,
  };
}

/** Problems that would stop the item being saved, worded for the person editing. */
export function draftProblem(draft: Draft): string | null {
  if (!draft.title.trim()) return "Give the item a title.";
  const names = draft.fields.map((field) => field.name.trim());
  if (names.some((name) => !name)) return "Every field needs a name.";
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) return `Two fields are called "${duplicate}"; field names must be unique.`;
  for (const field of draft.fields) {
    const problem = fieldProblem(field);
    if (problem) return `${field.name.trim()}: ${problem}`;
  }
  return null;
}

/** What is wrong with one field's value, shown under it; null when it can be saved. */
function fieldProblem(field: ItemField): string | null {
  return field.kind === "totp" ? totpSeedProblem(field.value) : null;
}

const MULTILINE = new Set<ItemField["kind"]>(["multiline", "private_key", "public_key"]);

/**
 * A value with a line break is never put in an <input>: the browser strips line breaks from
 * an input's value, so the next keystroke would save a PEM key or certificate without them.
 */
function needsMultilineEditor(field: ItemField): boolean {
  return MULTILINE.has(field.kind) || /[\r\n]/.test(field.value);
}

export function ItemEditor({
  draft,
  onChange,
  onRevealExisting,
  showProblems = false,
}: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  onRevealExisting?: () => void;
  /** Set once a save was refused: each field then says what is wrong with it. */
  showProblems?: boolean;
}) {
  const update = (change: Partial<Draft>) => onChange({ ...draft, ...change });
  const updateField = (key: number, change: Partial<DraftField>) =>
    update({
      fields: draft.fields.map((field) => (field.key === key ? { ...field, ...change } : field)),
    });
  const addField = (field: Partial<ItemField> = {}) =>
    update({
      fields: [
        ...draft.fields,
        {
          name: field.name ?? "",
          value: field.value ?? "",
          secret: field.secret ?? false,
          kind: field.kind ?? "text",
          key: nextKey++,
          custom: true,
        },
      ],
    });

  function generateSsh() {
    const key = generateSshKey(
      draft.title.trim().replace(/[\u0000-\u001f\u007f]/g, "") || "coffer",
    );
    const fields = draft.fields.filter(
      (field) => field.kind !== "public_key" && field.kind !== "private_key",
    );
    update({
      fields: [
        {
          name: "Public key",
          value: key.publicKey,
          secret: false,
          kind: "public_key",
          key: nextKey++,
          custom: false,
        },
        {
          name: "Private key",
          value: key.privateKey,
          secret: true,
          kind: "private_key",
          key: nextKey++,
          custom: false,
        },
        ...fields.filter((field) => field.name !== "Fingerprint"),
        {
          name: "Fingerprint",
          value: key.fingerprint,
          secret: false,
          kind: "text",
          key: nextKey++,
          custom: false,
        },
      ],
    });
  }

  return (
    <div className="space-y-5">
      <Field
        label="Title"
        value={draft.title}
        onChange={(event) => update({ title: event.target.value })}
        autoComplete="off"
      />

      {draft.type === "ssh_key" && (
        <div className="flex flex-wrap items-center gap-3 rounded-lg bg-stone-50 p-3 ring-1 ring-stone-200">
          <Button variant="secondary" size="sm" onClick={generateSsh}>
            Generate Ed25519 key
          </Button>
          <span className="text-xs text-stone-600">
            Made on this device; the private key is stored only inside this encrypted item.
          </span>
        </div>
      )}

      {draft.type === "env_file" && (
        <DotenvPaste
          onImport={(entries) => {
            const byName = new Map(draft.fields.map((field) => [field.name, field]));
            const merged = [...draft.fields];
            for (const entry of entries) {
              const existing = byName.get(entry.key);
              if (existing) merged[merged.indexOf(existing)] = { ...existing, value: entry.value };
              else
                merged.push({
                  name: entry.key,
                  value: entry.value,
                  secret: true,
                  kind: /[\r\n]/.test(entry.value) ? "multiline" : "text",
                  key: nextKey++,
                  custom: true,
                });
            }
            update({ fields: merged });
          }}
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
            showProblem={showProblems}
          />
        ))}
        <Button
          variant="secondary"
          size="sm"
          onClick={() => addField(draft.type === "env_file" ? { secret: true } : {})}
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
      />
    </div>
  );
}

function FieldEditor({
  field,
  onChange,
  onRemove,
  onRevealExisting,
  showProblem,
}: {
  field: DraftField;
  onChange: (change: Partial<DraftField>) => void;
  onRemove: () => void;
  onRevealExisting?: () => void;
  showProblem: boolean;
}) {
  const id = useId();
  const [shown, setShown] = useState(false);
  const [generating, setGenerating] = useState(false);
  const masked = field.secret && !shown;
  const multiline = needsMultilineEditor(field);
  const problem = showProblem ? fieldProblem(field) : null;
  const problemId = `${id}-problem`;
  const describedBy = problem ? { "aria-describedby": problemId, "aria-invalid": true } : {};
  const inputClass =
    "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500";

  return (
    <div className="rounded-xl border border-stone-200 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {field.custom ? (
          <input
            aria-label="Field name"
            placeholder="Field name"
            value={field.name}
            onChange={(event) => onChange({ name: event.target.value })}
            className="min-w-0 flex-1 rounded-md border border-stone-300 px-2 py-1 text-sm font-medium"
          />
        ) : (
          <label htmlFor={id} className="text-sm font-medium text-stone-800">
            {field.name}
          </label>
        )}
        <div className="flex items-center gap-1">
          <label className="flex items-center gap-1 text-xs text-stone-600">
            <input
              type="checkbox"
              checked={field.secret}
              onChange={(event) => onChange({ secret: event.target.checked })}
            />
            Secret
          </label>
          <select
            aria-label="Kind"
            value={field.kind}
            onChange={(event) => onChange({ kind: event.target.value as ItemField["kind"] })}
            className="rounded-md border border-stone-300 bg-white px-1.5 py-1 text-xs"
          >
            {ITEM_FIELD_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kind.replace("_", " ")}
              </option>
            ))}
          </select>
          <Button variant="ghost" size="sm" onClick={onRemove} title="Remove this field">
            <span aria-hidden="true">✕</span>
            <span className="sr-only">Remove field</span>
          </Button>
        </div>
      </div>
      <div className="mt-2 flex gap-2">
        {multiline ? (
          // Masked, a multi-line secret stays a textarea with its characters hidden: an
          // <input type="password"> drops the line breaks of a pasted private key.
          <textarea
            id={id}
            aria-label={field.custom ? field.name || "Value" : undefined}
            rows={field.kind === "private_key" || field.value.includes("\n") ? 6 : 3}
            value={field.value}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onChange({ value: event.target.value })}
            {...describedBy}
            className={`${inputClass} font-mono text-xs ${masked ? "[-webkit-text-security:disc]" : ""}`}
          />
        ) : (
          <input
            id={id}
            aria-label={field.custom ? field.name || "Value" : undefined}
            type={masked ? "password" : "text"}
            value={field.value}
            autoComplete="off"
            spellCheck={false}
            placeholder={field.kind === "totp" ? "Base32 seed or otpauth:// link" : undefined}
            onChange={(event) => onChange({ value: event.target.value })}
            {...describedBy}
            className={`${inputClass} font-mono text-sm`}
          />
        )}
        {field.secret && (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => {
              if (!shown && field.value) onRevealExisting?.();
              setShown(!shown);
            }}
          >
            {shown ? "Hide" : "Show"}
          </Button>
        )}
        {field.kind === "password" && (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setGenerating(!generating)}
            aria-expanded={generating}
          >
            Generate
          </Button>
        )}
      </div>
      {problem && (
        <p id={problemId} className="mt-1.5 text-sm text-red-700">
          {problem}
        </p>
      )}
      {generating && (
        <PasswordGenerator
          onClose={() => setGenerating(false)}
          onUse={(password) => {
            onChange({ value: password });
            setGenerating(false);
          }}
        />
      )}
    </div>
  );
}

function DotenvPaste({
  onImport,
}: {
  onImport: (entries: { key: string; value: string }[]) => void;
}) {
  const [text, setText] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="space-y-2 rounded-lg bg-stone-50 p-3 ring-1 ring-stone-200">
      <TextArea
        label="Paste .env"
        rows={4}
        value={text}
        onChange={setText}
        mono
        hint="Lines like KEY=value or export KEY=value; comments are skipped."
      />
      <div className="flex items-center gap-3">
        <Button
          variant="secondary"
          size="sm"
          disabled={!text.trim()}
          onClick={() => {
            const { entries, errors } = parseDotenv(text);
            onImport(entries);
            setText("");
            setMessage(
              `Imported ${entries.length} ${entries.length === 1 ? "variable" : "variables"}` +
                (errors.length
                  ? `; skipped line ${errors.map((error) => error.line).join(", ")}.`
                  : "."),
            );
          }}
        >
          Import
        </Button>
        {message && (
          <span role="status" className="text-xs text-stone-600">
            {message}
          </span>
        )}
      </div>
    </div>
  );
}

function TextArea({
  label,
  value,
  onChange,
  rows,
  hint,
  mono = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows: number;
  hint?: ReactNode;
  mono?: boolean;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        spellCheck={!mono}
        onChange={(event) => onChange(event.target.value)}
        className={`mt-1.5 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500 ${mono ? "font-mono text-xs" : "text-sm"}`}
      />
      {hint && <p className="mt-1 text-xs text-stone-500">{hint}</p>}
    </div>
  );
}

function TagsInput({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => void }) {
  const id = useId();
  const [text, setText] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  function add() {
    const tag = text.trim().replace(/,$/, "");
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
    setText("");
  }
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        Tags
      </label>
      <div
        className="mt-1.5 flex flex-wrap items-center gap-1.5 rounded-lg border border-stone-300 bg-white px-2 py-1.5"
        onClick={() => inputRef.current?.focus()}
      >
        {tags.map((tag) => (
          <span
            key={tag}
            className="inline-flex items-center gap-1 rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-800"
          >
            {tag}
            <button
              type="button"
              onClick={() => onChange(tags.filter((other) => other !== tag))}
              className="text-stone-500 hover:text-stone-900"
            >
              <span aria-hidden="true">×</span>
              <span className="sr-only">Remove tag {tag}</span>
            </button>
          </span>
        ))}
        <input
          ref={inputRef}
          id={id}
          value={text}
          placeholder={tags.length ? "" : "Add a tag and press Enter"}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" || event.key === ",") {
              event.preventDefault();
              add();
            } else if (event.key === "Backspace" && !text && tags.length) {
              onChange(tags.slice(0, -1));
            }
          }}
          onBlur={add}
          className="min-w-24 flex-1 border-0 px-1 py-0.5 text-sm focus:outline-none"
        />
      </div>
    </div>
  );
}

export { ITEM_TYPE_LABELS };
