"use client";

import { useRef, useState } from "react";
import type { TemplateDto } from "@/lib/api/checklist";
import { relativeTime } from "@/lib/client/format";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { assigneeLabels } from "./assignee-labels";
import { TemplateForm } from "./template-form";

/** One template: its name, steps and age, edited in place. */
export function TemplateCard({
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
