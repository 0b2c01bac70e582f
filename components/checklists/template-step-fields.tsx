"use client";

import type { ManualStep } from "@/lib/api/checklist";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/vaults/select-field";
import { assigneeOptions } from "./assignee-labels";
import type { DraftStep } from "./template-draft";

/** The inputs of one manual step in a template, with its move and remove buttons. */
export function TemplateStepFields({
  step,
  index,
  count,
  errors,
  saving,
  fieldId,
  onChange,
  onMove,
  onRemove,
}: {
  step: DraftStep;
  index: number;
  count: number;
  errors: Partial<Record<string, string>>;
  saving: boolean;
  fieldId: (key: number, field: string) => string;
  onChange: (change: Partial<ManualStep>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const number = index + 1;
  const id = (field: string) => fieldId(step.key, field);
  return (
    <fieldset className="rounded-xl border border-stone-200 p-4">
      <legend className="px-1 text-sm font-medium text-stone-800">Step {number}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          id={id("title")}
          label={`Step ${number} title`}
          value={step.title}
          maxLength={120}
          disabled={saving}
          error={errors.title}
          onChange={(event) => onChange({ title: event.target.value })}
        />
        <SelectField
          id={id("assigneeRole")}
          label={`Step ${number} assignee`}
          value={step.assigneeRole}
          disabled={saving}
          error={errors.assigneeRole}
          onChange={(value) =>
            onChange({ assigneeRole: value === "vault_manager" ? "vault_manager" : "admin" })
          }
          options={assigneeOptions}
        />
        <div className="sm:col-span-2">
          <label htmlFor={id("description")} className="block text-sm font-medium text-stone-800">
            Step {number} description
          </label>
          <textarea
            id={id("description")}
            rows={2}
            maxLength={2000}
            value={step.description}
            disabled={saving}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={errors.description ? id("description-error") : undefined}
            onChange={(event) => onChange({ description: event.target.value })}
            className="mt-1.5 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500"
          />
          {errors.description && (
            <p id={id("description-error")} className="mt-1.5 text-sm text-red-700">
              {errors.description}
            </p>
          )}
        </div>
        <Field
          id={id("link")}
          label={`Step ${number} link`}
          type="url"
          placeholder="https://"
          value={step.link}
          disabled={saving}
          error={errors.link}
          hint="Optional: a page that helps with this step."
          onChange={(event) => onChange({ link: event.target.value })}
          className="sm:col-span-2"
        />
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          id={id("up")}
          variant="secondary"
          size="sm"
          disabled={saving || index === 0}
          aria-label={`Move step ${number} up`}
          onClick={() => onMove(-1)}
        >
          ↑ Up
        </Button>
        <Button
          id={id("down")}
          variant="secondary"
          size="sm"
          disabled={saving || index === count - 1}
          aria-label={`Move step ${number} down`}
          onClick={() => onMove(1)}
        >
          ↓ Down
        </Button>
        <Button
          variant="ghost"
          size="sm"
          disabled={saving}
          aria-label={`Remove step ${number}`}
          onClick={onRemove}
        >
          Remove
        </Button>
      </div>
    </fieldset>
  );
}
