"use client";

import { useId, useState } from "react";
import { ITEM_FIELD_KINDS, type ItemField } from "@/lib/crypto";
import type { DraftField } from "@/lib/client/items/draft";
import { Button } from "@/components/ui/button";
import { PasswordGenerator } from "./password-generator";

const MULTILINE = new Set<ItemField["kind"]>(["multiline", "private_key", "public_key"]);

/**
 * A value with a line break is never put in an <input>: the browser strips line breaks from
 * an input's value, so the next keystroke would save a PEM key or certificate without them.
 */
function needsMultilineEditor(field: ItemField): boolean {
  return MULTILINE.has(field.kind) || /[\r\n]/.test(field.value);
}

const inputClass =
  "block w-full min-w-0 rounded-lg border bg-white px-3 py-2 text-stone-900 shadow-xs focus:outline-2";
const tone = (invalid: boolean) =>
  invalid
    ? "border-red-400 focus:outline-red-500"
    : "border-stone-300 focus:border-stone-500 focus:outline-stone-500";

/** One field of the editor: name, secret flag, kind, value, and what is wrong with them. */
export function FieldEditor({
  field,
  onChange,
  onRemove,
  onRevealExisting,
  nameProblem,
  valueProblem,
}: {
  field: DraftField;
  onChange: (change: Partial<DraftField>) => void;
  onRemove: () => void;
  onRevealExisting?: () => void;
  nameProblem?: string;
  valueProblem?: string;
}) {
  const id = useId();
  const [shown, setShown] = useState(false);
  const [generating, setGenerating] = useState(false);
  const masked = field.secret && !shown;
  const multiline = needsMultilineEditor(field);
  const valueProblemId = `${id}-problem`;
  const nameProblemId = `${id}-name-problem`;
  const valueInvalid = valueProblem
    ? { "aria-describedby": valueProblemId, "aria-invalid": true }
    : {};

  return (
    <div className="rounded-xl border border-stone-200 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {field.custom ? (
          <input
            aria-label="Field name"
            placeholder="Field name"
            value={field.name}
            onChange={(event) => onChange({ name: event.target.value })}
            aria-invalid={nameProblem ? true : undefined}
            aria-describedby={nameProblem ? nameProblemId : undefined}
            className={`min-w-0 flex-1 basis-32 rounded-md border px-2 py-1 text-sm font-medium ${tone(Boolean(nameProblem))}`}
          />
        ) : (
          <label htmlFor={id} className="min-w-0 text-sm font-medium break-words text-stone-800">
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
            onChange={(event) =>
              onChange({
                kind: ITEM_FIELD_KINDS.find((kind) => kind === event.target.value) ?? field.kind,
              })
            }
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
      {nameProblem && (
        <p id={nameProblemId} className="mt-1.5 text-sm text-red-700">
          {nameProblem}
        </p>
      )}
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
            {...valueInvalid}
            className={`${inputClass} ${tone(Boolean(valueProblem))} font-mono text-xs ${masked ? "[-webkit-text-security:disc]" : ""}`}
          />
        ) : (
          <input
            id={id}
            aria-label={field.custom ? field.name || "Value" : undefined}
            type={masked ? "password" : "text"}
            inputMode={field.kind === "port" ? "numeric" : undefined}
            value={field.value}
            autoComplete="off"
            spellCheck={false}
            placeholder={field.kind === "totp" ? "Base32 seed or otpauth:// link" : undefined}
            onChange={(event) => onChange({ value: event.target.value })}
            {...valueInvalid}
            className={`${inputClass} ${tone(Boolean(valueProblem))} font-mono text-sm`}
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
      {valueProblem && (
        <p id={valueProblemId} className="mt-1.5 text-sm text-red-700">
          {valueProblem}
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
