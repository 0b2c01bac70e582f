"use client";

import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { z } from "zod";
import {
  templateInput,
  type ChecklistKind,
  type ManualStep,
  type TemplateDto,
} from "@/lib/api/checklist";
import { ApiError, errorMessage } from "@/lib/client/api";
import { checklistApi } from "@/lib/client/checklists";
import { relativeTime } from "@/lib/client/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/vaults/select-field";
import { kindLabels } from "./kind-labels";

const kinds: ChecklistKind[] = ["onboarding", "offboarding"];
const assigneeOptions = [
  { value: "admin", label: "Admins" },
  { value: "vault_manager", label: "Vault managers" },
];
const assigneeLabels = { admin: "Admins", vault_manager: "Vault managers" } as const;

/**
 * What Coffer does itself in every run of a kind (lib/server/onboarding/onboarding-steps.ts,
 * lib/server/offboarding/steps.ts), shown for context: templates add manual steps only.
 */
const automaticSteps: Record<ChecklistKind, Array<{ title: string; note: string }>> = {
  onboarding: [
    { title: "Invite", note: "A one-time link, valid for seven days." },
    { title: "Create the account", note: "Password, keys and Emergency Kit." },
    { title: "Add a security key", note: "When the security policy asks one of their role." },
    {
      title: "Grant vault access",
      note: "One per vault the invite names: a manager compares fingerprints and seals the key.",
    },
  ],
  offboarding: [
    { title: "Suspend the account", note: "At once, when the offboarding starts." },
    {
      title: "Revoke sessions, security keys, machine tokens, share links and pending invites",
      note: "At once.",
    },
    { title: "Flag every item they could decrypt for rotation", note: "At once." },
    {
      title: "Hand the vault over to another manager",
      note: "For each vault they managed alone.",
    },
    { title: "Re-key the vault without them", note: "One per vault, by its managers." },
    { title: "Completion report", note: "Last, after the steps of the template." },
  ],
};

type DraftStep = ManualStep & { key: number };
type Draft = { name: string; isDefault: boolean; steps: DraftStep[] };
type Errors = { name?: string; form?: string; steps: Map<number, Partial<Record<string, string>>> };

const fieldLabels: Record<string, string> = {
  name: "Name",
  title: "Title",
  description: "Description",
  link: "Link",
  assigneeRole: "Assignee",
};

/** A readable sentence for one schema issue, naming the field the person sees. */
function issueText(issue: z.core.$ZodIssue): string {
  const label = fieldLabels[String(issue.path.at(-1))] ?? "This field";
  if (issue.code === "too_big" && "maximum" in issue) {
    return `${label} can be at most ${String(issue.maximum)} characters.`;
  }
  if (issue.code === "too_small") return `${label} is required.`;
  return `${label} ${issue.message}.`;
}

function noErrors(): Errors {
  return { steps: new Map() };
}

/** Templates of both kinds, each editable in place. */
export function TemplatesEditor() {
  const [templates, setTemplates] = useState<TemplateDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState<ChecklistKind | null>(null);
  const [deleting, setDeleting] = useState<TemplateDto | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setTemplates((await checklistApi.templates()).templates);
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  async function remove() {
    if (!deleting) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await checklistApi.deleteTemplate(deleting.id);
      setNotice(`Template “${deleting.name}” deleted.`);
      setDeleting(null);
      await load();
    } catch (caught) {
      setDeleteError(errorMessage(caught));
    } finally {
      setDeleteBusy(false);
    }
  }

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="flex gap-2 text-sm text-stone-500">
        <Link href="/admin/people" className="hover:underline">
          People
        </Link>
        <span aria-hidden="true">/</span>
        <Link href="/admin/checklists" className="hover:underline">
          Checklists
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold text-stone-900">Checklist templates</h1>
        <p className="mt-1 text-stone-600">
          The manual steps each onboarding or offboarding adds after Coffer&apos;s own. A running
          checklist keeps the steps it started with: editing a template changes future runs only.
        </p>
      </div>
      {notice && (
        <Alert tone="success" className="mb-4">
          {notice}
        </Alert>
      )}
      {error && <Alert>{error}</Alert>}
      {templates === null && !error && (
        <p role="status" className="text-sm text-stone-500">
          Loading templates…
        </p>
      )}
      {templates !== null &&
        kinds.map((kind) => {
          const ofKind = templates.filter((template) => template.kind === kind);
          return (
            <section key={kind} aria-labelledby={`templates-${kind}`} className="space-y-4">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <h2 id={`templates-${kind}`} className="text-xl font-semibold text-stone-900">
                  {kindLabels[kind]}
                </h2>
                <Button
                  variant="secondary"
                  size="sm"
                  disabled={creating === kind}
                  onClick={() => {
                    setNotice(null);
                    setCreating(kind);
                  }}
                >
                  New {kind} template
                </Button>
              </div>
              <Card className="!p-5">
                <h3 className="text-sm font-semibold text-stone-900">Coffer&apos;s own steps</h3>
                <p className="text-xs text-stone-500">
                  In every {kind} checklist, done by Coffer. Not editable.
                </p>
                <ol className="mt-2 space-y-1 text-sm" aria-label={`Automatic ${kind} steps`}>
                  {automaticSteps[kind].map((step) => (
                    <li key={step.title} className="flex gap-2 text-stone-700">
                      <span className="mt-0.5 inline-flex h-5 shrink-0 items-center rounded-full bg-stone-100 px-2 text-xs font-medium text-stone-700 ring-1 ring-stone-200 ring-inset">
                        Automatic
                      </span>
                      <span>
                        <span className="font-medium text-stone-900">{step.title}</span>{" "}
                        <span className="text-stone-500">— {step.note}</span>
                      </span>
                    </li>
                  ))}
                </ol>
              </Card>
              {creating === kind && (
                <TemplateForm
                  kind={kind}
                  template={null}
                  onCancel={() => setCreating(null)}
                  onSaved={async (saved) => {
                    setCreating(null);
                    setNotice(`Template “${saved.name}” created.`);
                    await load();
                  }}
                />
              )}
              {ofKind.length > 0 && !ofKind.some((template) => template.isDefault) && (
                <p className="text-sm text-amber-800">
                  No template is the default: new {kind} checklists get no manual steps unless one
                  is chosen when they start.
                </p>
              )}
              {ofKind.length === 0 && creating !== kind && (
                <p className="rounded-lg border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-500">
                  No {kind} template: new {kind} checklists have only Coffer&apos;s own steps.
                </p>
              )}
              {ofKind.map((template) => (
                <TemplateCard
                  key={`${template.id}:${template.updatedAt}`}
                  template={template}
                  onDelete={() => {
                    setDeleteError(null);
                    setNotice(null);
                    setDeleting(template);
                  }}
                  onSaved={async (saved) => {
                    setNotice(`Template “${saved.name}” saved.`);
                    await load();
                  }}
                />
              ))}
            </section>
          );
        })}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete template “${deleting?.name ?? ""}”?`}
        confirmLabel="Delete template"
        busyLabel="Deleting…"
        busy={deleteBusy}
        error={deleteError}
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(null)}
      >
        Checklists already started from it keep their steps.
        {deleting?.isDefault &&
          ` It is the default: the ${deleting.kind} template edited most recently becomes the default in its place.`}
      </ConfirmDialog>
    </div>
  );
}

function TemplateCard({
  template,
  onDelete,
  onSaved,
}: {
  template: TemplateDto;
  onDelete: () => void;
  onSaved: (template: TemplateDto) => Promise<void>;
}) {
  const [editing, setEditing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);

  if (editing) {
    return (
      <TemplateForm
        kind={template.kind}
        template={template}
        onCancel={() => {
          setEditing(false);
          requestAnimationFrame(() => editRef.current?.focus());
        }}
        onSaved={async (saved) => {
          setEditing(false);
          await onSaved(saved);
        }}
      />
    );
  }
  return (
    <Card className="!p-5" aria-label={`Template ${template.name}`}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="flex flex-wrap items-center gap-2 font-semibold text-stone-900">
            {template.name}
            {template.isDefault && (
              <span className="inline-flex rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">
                Default
              </span>
            )}
          </h3>
          <p className="text-xs text-stone-500">
            {template.steps.length} manual {template.steps.length === 1 ? "step" : "steps"} ·
            changed {relativeTime(template.updatedAt)}
          </p>
        </div>
        <div className="flex gap-2">
          <Button
            ref={editRef}
            variant="secondary"
            size="sm"
            aria-label={`Edit ${template.name}`}
            onClick={() => setEditing(true)}
          >
            Edit
          </Button>
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Delete ${template.name}`}
            onClick={onDelete}
          >
            Delete
          </Button>
        </div>
      </div>
      {template.steps.length > 0 && (
        <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm text-stone-700">
          {template.steps.map((step, index) => (
            <li key={index}>
              <span className="font-medium text-stone-900">{step.title}</span>{" "}
              <span className="text-xs text-stone-500">({assigneeLabels[step.assigneeRole]})</span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function TemplateForm({
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
  // Steps are keyed by a counter, not their position, so moving one keeps its inputs' state.
  const [draft, setDraft] = useState<Draft>(() => ({
    name: template?.name ?? "",
    isDefault: template?.isDefault ?? false,
    steps: (template?.steps ?? []).map((step, index) => ({ ...step, key: index })),
  }));
  const nextKey = useRef(template?.steps.length ?? 0);
  const [errors, setErrors] = useState<Errors>(noErrors);
  const [saving, setSaving] = useState(false);
  const formId = useId();
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  const stepFieldId = (key: number, field: string) => `${formId}-${key}-${field}`;

  function updateStep(key: number, change: Partial<ManualStep>) {
    setDraft((current) => ({
      ...current,
      steps: current.steps.map((step) => (step.key === key ? { ...step, ...change } : step)),
    }));
  }

  function addStep() {
    const step: DraftStep = {
      title: "",
      description: "",
      link: "",
      assigneeRole: "admin",
      key: nextKey.current++,
    };
    setDraft((current) => ({ ...current, steps: [...current.steps, step] }));
    requestAnimationFrame(() => document.getElementById(stepFieldId(step.key, "title"))?.focus());
  }

  function removeStep(index: number) {
    const next = draft.steps[index + 1] ?? draft.steps[index - 1];
    setDraft((current) => ({
      ...current,
      steps: current.steps.filter((_, position) => position !== index),
    }));
    // The focus goes to a neighbour, or to "Add a step" when none is left.
    requestAnimationFrame(() =>
      document.getElementById(next ? stepFieldId(next.key, "title") : `${formId}-add`)?.focus(),
    );
  }

  function moveStep(index: number, by: -1 | 1) {
    const target = index + by;
    if (target < 0 || target >= draft.steps.length) return;
    const moved = draft.steps[index];
    setDraft((current) => {
      const steps = [...current.steps];
      const [step] = steps.splice(index, 1);
      if (step) steps.splice(target, 0, step);
      return { ...current, steps };
    });
    // The same button keeps the focus in the step's new place, so it can be pressed again;
    // at either end the other direction's button takes it.
    const edge = target === 0 ? "down" : target === draft.steps.length - 1 ? "up" : null;
    const direction = edge ?? (by < 0 ? "up" : "down");
    if (moved) {
      requestAnimationFrame(() =>
        document.getElementById(stepFieldId(moved.key, direction))?.focus(),
      );
    }
  }

  /** Maps schema issues (or the server's field) to the inputs they belong to. */
  function errorsFrom(issues: Array<{ path: PropertyKey[]; text: string }>): Errors {
    const result = noErrors();
    for (const issue of issues) {
      const [head, index, field] = issue.path;
      if (head === "name") result.name ??= issue.text;
      else if (head === "steps" && typeof index === "number" && typeof field === "string") {
        const key = draft.steps[index]?.key;
        if (key === undefined) continue;
        const stepErrors = result.steps.get(key) ?? {};
        stepErrors[field] ??= issue.text;
        result.steps.set(key, stepErrors);
      } else result.form ??= issue.text;
    }
    return result;
  }

  function focusFirstError(found: Errors) {
    if (found.name) return nameRef.current?.focus();
    const [key, fields] = [...found.steps.entries()][0] ?? [];
    const field = fields && Object.keys(fields)[0];
    if (key !== undefined && field) document.getElementById(stepFieldId(key, field))?.focus();
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
      );
      if (parsed.error.issues.some((issue) => issue.path[0] === "steps" && issue.path.length === 1))
        found.form = "A template can have at most 50 steps.";
      setErrors(found);
      focusFirstError(found);
      return;
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
      const found = field
        ? errorsFrom([
            {
              path: field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
              text: errorMessage(caught),
            },
          ])
        : { ...noErrors(), form: errorMessage(caught) };
      setErrors(found);
      focusFirstError(found);
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
            {draft.steps.map((step, index) => {
              const stepErrors = errors.steps.get(step.key) ?? {};
              const number = index + 1;
              return (
                <li key={step.key}>
                  <fieldset className="rounded-xl border border-stone-200 p-4">
                    <legend className="px-1 text-sm font-medium text-stone-800">
                      Step {number}
                    </legend>
                    <div className="grid gap-3 sm:grid-cols-2">
                      <Field
                        id={stepFieldId(step.key, "title")}
                        label={`Step ${number} title`}
                        value={step.title}
                        maxLength={120}
                        disabled={saving}
                        error={stepErrors.title}
                        onChange={(event) => updateStep(step.key, { title: event.target.value })}
                      />
                      <SelectField
                        id={stepFieldId(step.key, "assigneeRole")}
                        label={`Step ${number} assignee`}
                        value={step.assigneeRole}
                        disabled={saving}
                        error={stepErrors.assigneeRole}
                        onChange={(value) =>
                          updateStep(step.key, {
                            assigneeRole: value === "vault_manager" ? "vault_manager" : "admin",
                          })
                        }
                        options={assigneeOptions}
                      />
                      <div className="sm:col-span-2">
                        <label
                          htmlFor={stepFieldId(step.key, "description")}
                          className="block text-sm font-medium text-stone-800"
                        >
                          Step {number} description
                        </label>
                        <textarea
                          id={stepFieldId(step.key, "description")}
                          rows={2}
                          maxLength={2000}
                          value={step.description}
                          disabled={saving}
                          aria-invalid={stepErrors.description ? true : undefined}
                          aria-describedby={
                            stepErrors.description
                              ? stepFieldId(step.key, "description-error")
                              : undefined
                          }
                          onChange={(event) =>
                            updateStep(step.key, { description: event.target.value })
                          }
                          className="mt-1.5 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500"
                        />
                        {stepErrors.description && (
                          <p
                            id={stepFieldId(step.key, "description-error")}
                            className="mt-1.5 text-sm text-red-700"
                          >
                            {stepErrors.description}
                          </p>
                        )}
                      </div>
                      <Field
                        id={stepFieldId(step.key, "link")}
                        label={`Step ${number} link`}
                        type="url"
                        placeholder="https://"
                        value={step.link}
                        disabled={saving}
                        error={stepErrors.link}
                        hint="Optional: a page that helps with this step."
                        onChange={(event) => updateStep(step.key, { link: event.target.value })}
                        className="sm:col-span-2"
                      />
                    </div>
                    <div className="mt-3 flex flex-wrap gap-2">
                      <Button
                        id={stepFieldId(step.key, "up")}
                        variant="secondary"
                        size="sm"
                        disabled={saving || index === 0}
                        aria-label={`Move step ${number} up`}
                        onClick={() => moveStep(index, -1)}
                      >
                        ↑ Up
                      </Button>
                      <Button
                        id={stepFieldId(step.key, "down")}
                        variant="secondary"
                        size="sm"
                        disabled={saving || index === draft.steps.length - 1}
                        aria-label={`Move step ${number} down`}
                        onClick={() => moveStep(index, 1)}
                      >
                        ↓ Down
                      </Button>
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={saving}
                        aria-label={`Remove step ${number}`}
                        onClick={() => removeStep(index)}
                      >
                        Remove
                      </Button>
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <Button
            id={`${formId}-add`}
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
