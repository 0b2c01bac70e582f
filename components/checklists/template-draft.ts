import type { z } from "zod";
import type { ManualStep } from "@/lib/api/checklist";

// A template as it is being edited, and where each schema or server error belongs in it.

export type DraftStep = ManualStep & { key: number };
export type Draft = { name: string; isDefault: boolean; steps: DraftStep[] };
export type Errors = {
  name?: string;
  form?: string;
  steps: Map<number, Partial<Record<string, string>>>;
};

const fieldLabels: Record<string, string> = {
  name: "Name",
  title: "Title",
  description: "Description",
  link: "Link",
  assigneeRole: "Assignee",
};

/** A readable sentence for one schema issue, naming the field the person sees. */
export function issueText(issue: z.core.$ZodIssue): string {
  const label = fieldLabels[String(issue.path.at(-1))] ?? "This field";
  if (issue.code === "too_big" && "maximum" in issue) {
    return `${label} can be at most ${String(issue.maximum)} characters.`;
  }
  if (issue.code === "too_small") return `${label} is required.`;
  return `${label} ${issue.message}.`;
}

export function noErrors(): Errors {
  return { steps: new Map() };
}

/** Maps schema issues (or the server's field) to the inputs they belong to. */
export function errorsFrom(
  issues: Array<{ path: PropertyKey[]; text: string }>,
  steps: DraftStep[],
): Errors {
  const result = noErrors();
  for (const issue of issues) {
    const [head, index, field] = issue.path;
    if (head === "name") result.name ??= issue.text;
    else if (head === "steps" && typeof index === "number" && typeof field === "string") {
      const key = steps[index]?.key;
      if (key === undefined) continue;
      const stepErrors = result.steps.get(key) ?? {};
      stepErrors[field] ??= issue.text;
      result.steps.set(key, stepErrors);
    } else result.form ??= issue.text;
  }
  return result;
}
