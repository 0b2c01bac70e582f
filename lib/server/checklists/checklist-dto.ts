import "server-only";
import type { ChecklistDto } from "@/lib/api/checklist";
import { getChecklistRun } from "../data/checklists";
import { memberVaultIds } from "../data/flags";
import { notFound } from "../errors";
import { offboardingReportFor, reportForVaults } from "../offboarding/report";
import { isOrgAdmin } from "../policies";
import type { SessionContext } from "../session";
import { checklistToDto } from "./views";

/**
 * A run as its full DTO: steps in order, each with its actor and comments, and for an
 * offboarding its report (live while open, the snapshot once closed). A reader who is not an
 * admin sees the report only for the vaults they are in.
 */
export async function loadChecklistDto(
  runId: string,
  session: SessionContext,
): Promise<ChecklistDto> {
  const loaded = await getChecklistRun(runId);
  if (!loaded) throw notFound("No such checklist.");
  const dto = checklistToDto(loaded);
  if (dto.kind !== "offboarding") return dto;
  const report = await offboardingReportFor(runId);
  if (!report || isOrgAdmin(session)) return { ...dto, report };
  return { ...dto, report: reportForVaults(report, new Set(await memberVaultIds(session.userId))) };
}
