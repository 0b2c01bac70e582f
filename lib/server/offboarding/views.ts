import "server-only";
import type { ChecklistDto } from "@/lib/api/checklist";
import { getChecklistRun } from "../data/checklists";
import { checklistToDto } from "../checklists/views";
import { notFound } from "../errors";
import { offboardingReportFor } from "./report";

/** An offboarding run as the checklist DTO, with its report computed (not the raw column). */
export async function offboardingChecklist(runId: string): Promise<ChecklistDto> {
  const loaded = await getChecklistRun(runId);
  if (!loaded) throw notFound("No such checklist.");
  return { ...checklistToDto(loaded), report: await offboardingReportFor(runId) };
}
