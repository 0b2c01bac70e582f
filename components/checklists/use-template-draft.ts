"use client";

import { useId, useRef, useState } from "react";
import type { ManualStep, TemplateDto } from "@/lib/api/checklist";
import type { Draft, DraftStep } from "./template-draft";

/**
 * A template's draft and the edits of its steps. Each move, add and removal puts the keyboard
 * focus where a person expects it next, by the ids `fieldId` gives the step's inputs.
 */
export function useTemplateDraft(template: TemplateDto | null) {
  // Steps are keyed by a counter, not their position, so moving one keeps its inputs' state.
  const [draft, setDraft] = useState<Draft>(() => ({
    name: template?.name ?? "",
    isDefault: template?.isDefault ?? false,
    steps: (template?.steps ?? []).map((step, index) => ({ ...step, key: index })),
  }));
  const nextKey = useRef(template?.steps.length ?? 0);
  const formId = useId();

  const fieldId = (key: number, field: string) => `${formId}-${key}-${field}`;
  const addButtonId = `${formId}-add`;
  const focus = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

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
    focus(fieldId(step.key, "title"));
  }

  function removeStep(index: number) {
    const next = draft.steps[index + 1] ?? draft.steps[index - 1];
    setDraft((current) => ({
      ...current,
      steps: current.steps.filter((_, position) => position !== index),
    }));
    // The focus goes to a neighbour, or to "Add a step" when none is left.
    focus(next ? fieldId(next.key, "title") : addButtonId);
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
    if (moved) focus(fieldId(moved.key, direction));
  }

  return { draft, setDraft, fieldId, addButtonId, updateStep, addStep, removeStep, moveStep };
}
