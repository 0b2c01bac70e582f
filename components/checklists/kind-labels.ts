import type { ChecklistKind } from "@/lib/api/checklist";

/** How a checklist's kind reads in lists, headings and template tabs. */
export const kindLabels: Record<ChecklistKind, string> = {
  onboarding: "Onboarding",
  offboarding: "Offboarding",
};
