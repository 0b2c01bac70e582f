import "server-only";
import type { OffboardingReport } from "@/lib/api/checklist";
import type { SessionContext } from "../session";
import { notFound } from "../errors";
import { memberVaultIds } from "../data/flags";
import { managesAnyOf } from "../data/offboarding";
import { reportForVaults } from "./report";

/**
 * A non-admin may read an offboarding's report when they manage one of the vaults it covers,
 * and then only what concerns the vaults they are in; anyone else gets the 404 of a report
 * that does not exist.
 */
export async function reportScopeFor(
  session: SessionContext,
  runId: string,
  report: OffboardingReport,
): Promise<OffboardingReport> {
  const covered = report.vaults.map((vault) => vault.vaultId);
  if (!(await managesAnyOf(session.userId, covered))) throw notFound("No such offboarding.");
  return reportForVaults(report, new Set(await memberVaultIds(session.userId)));
}
