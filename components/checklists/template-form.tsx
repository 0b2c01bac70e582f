"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { templateInput, type ChecklistKind, type TemplateDto } from "@/lib/api/checklist";
import { ApiError, errorMessage } from "@/lib/client/api";
import { checklistApi } from "@/lib/client/checklists";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { errorsFrom, issueText, noErrors, type Errors } from "./template-draft";
import { TemplateStepFields } from "./template-step-fields";
import { useTemplateDraft } from "./use-template-draft";

/** A new template, or an existing one, edited: checked against the schema before it is sent. */
export function TemplateForm({
  kind,
  template,
  onCancel,
  onSaved,
}: {
  kind: ChecklistKind;
  template: TemplateDto | null;
  onCancel: () => void;
  onSaved: (template: TemplateDto) => Promise<void>;
}) {
  const { draft, setDraft, fieldId, addButtonId, updateStep, addStep, removeStep, moveStep } =
    useTemplateDraft(template);
  const [errors, setErrors] = useState<Errors>(noErrors);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  function showErrors(found: Errors) {
    setErrors(found);
    if (found.name) return nameRef.current?.focus();
    const [key, fields] = [...found.steps.entries()][0] ?? [];
    const field = fields && Object.keys(fields)[0];
    if (key !== undefined && field) document.getElementById(fieldId(key, field))?.focus();
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = templateInput.safeParse({
      kind,
      name: draft.name,
      isDefault: draft.isDefault,
      steps: draft.steps.map(({ title, description, link, assigneeRole }) => ({
        title,
        description,
        link: link.trim(),
        assigneeRole,
      })),
    });
    if (!parsed.success) {
      const found = errorsFrom(
        parsed.error.issues.map((issue) => ({ path: issue.path, text: issueText(issue) })),
        draft.steps,
      );
      if (parsed.error.issues.some((issue) => issue.path[0] === "steps" && issue.path.length === 1))
        found.form = "A template can have at most 50 steps.";
      return showErrors(found);
    }
    setErrors(noErrors());
    setSaving(true);
    try {
      const saved = template
        ? await checklistApi.updateTemplate(template.id, parsed.data)
        : await checklistApi.createTemplate(parsed.data);
      await onSaved(saved);
    } catch (caught) {
      // The draft stays as typed; the error goes next to its field when the server names one.
      const field = caught instanceof ApiError ? caught.field : undefined;
      showErrors(
        field
          ? errorsFrom(
              [
                {
                  path: field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
                  text: errorMessage(caught),
                },
              ],
              draft.steps,
            )
          : { ...noErrors(), form: errorMessage(caught) },
      );
      setSaving(false);
    }
  }

  const heading = template ? `Edit “${template.name}”` : `New ${kind} template`;
  return (
    <Card className="!p-5 ring-2 ring-stone-900/10">
      <CardHeader title={heading} />
      <form onSubmit={save} noValidate aria-label={heading} className="space-y-5">
        <div className="flex flex-wrap items-end gap-4">
          <Field
            ref={nameRef}
            label="Template name"
            value={draft.name}
            maxLength={100}
            disabled={saving}
            error={errors.name}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
            className="min-w-64 flex-1"
          />
          <label className="flex items-center gap-2 pb-2.5 text-sm font-medium text-stone-800">
            <input
              type="checkbox"
              checked={draft.isDefault}
              disabled={saving}
              onChange={(event) => setDraft({ ...draft, isDefault: event.target.checked })}
            />
            Default for new {kind} checklists
          </label>
        </div>

        <div>
          <h4 className="text-sm font-semibold text-stone-900">Manual steps</h4>
          <p className="text-xs text-stone-500">
            In this order, after Coffer&apos;s own steps. Each is checked off by a person.
          </p>
          {draft.steps.length === 0 && (
            <p className="mt-3 rounded-lg border border-dashed border-stone-300 px-4 py-4 text-center text-sm text-stone-500">
              No manual steps yet.
            </p>
          )}
          <ol className="mt-3 space-y-3">
            {draft.steps.map((step, index) => (
              <li key={step.key}>
                <TemplateStepFields
                  step={step}
                  index={index}
                  count={draft.steps.length}
                  errors={errors.steps.get(step.key) ?? {}}
                  saving={saving}
                  fieldId={fieldId}
                  onChange={(change) => updateStep(step.key, change)}
                  onMove={(by) => moveStep(index, by)}
                  onRemove={() => removeStep(index)}
                />
              </li>
            ))}
          </ol>
          <Button
            id={addButtonId}
            variant="secondary"
            size="sm"
            className="mt-3"
            disabled={saving || draft.steps.length >= 50}
            onClick={addStep}
          >
            Add a step
          </Button>
        </div>

        {errors.form && <Alert>{errors.form}</Alert>}
        {(errors.name || errors.steps.size > 0) && (
          <p role="alert" className="text-sm text-red-700">
            Some fields need attention: see the messages above.
          </p>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" busy={saving} busyLabel="Saving…">
            Save template
          </Button>
        </div>
      </form>
    </Card>
  );
}
