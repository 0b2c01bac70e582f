"use client";

import Link from "next/link";
import { useState } from "react";
import type { ChecklistKind, TemplateDto } from "@/lib/api/checklist";
import { checklistApi } from "@/lib/client/checklists";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";
import { useResource } from "@/components/ui/use-resource";
import { automaticSteps } from "./automatic-steps";
import { kindLabels } from "./kind-labels";
import { TemplateCard } from "./template-card";
import { TemplateForm } from "./template-form";

const kinds: ChecklistKind[] = ["onboarding", "offboarding"];

const loadTemplates = async () => (await checklistApi.templates()).templates;

/** Templates of both kinds, each editable in place. */
export function TemplatesEditor({
  initialTemplates,
}: {
  /** The templates as the page was rendered with them; changes are read back from the API. */
  initialTemplates?: TemplateDto[];
}) {
  const { data: list, error, reload: load } = useResource(loadTemplates, initialTemplates);
  const [creating, setCreating] = useState<ChecklistKind | null>(null);
  const [deleting, setDeleting] = useState<TemplateDto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const deletion = useAction(async (template: TemplateDto) => {
    await checklistApi.deleteTemplate(template.id);
    setNotice(`Template “${template.name}” deleted.`);
    setDeleting(null);
    await load();
  });

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
      {list === null && !error && (
        <p role="status" className="text-sm text-stone-500">
          Loading templates…
        </p>
      )}
      {list !== null &&
        kinds.map((kind) => {
          const ofKind = list.filter((template) => template.kind === kind);
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
                    deletion.clearError();
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
        busy={deletion.pending}
        error={deletion.error?.message}
        onConfirm={() => deleting && void deletion.run(deleting)}
        onCancel={() => setDeleting(null)}
      >
        Checklists already started from it keep their steps.
        {deleting?.isDefault &&
          ` It is the default: the ${deleting.kind} template edited most recently becomes the default in its place.`}
      </ConfirmDialog>
    </div>
  );
}
