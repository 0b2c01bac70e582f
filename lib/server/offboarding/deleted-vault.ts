import "server-only";
import { skipStepsOfDeletedVault } from "../data/offboarding";
import { refreshOffboardingReports } from "./report";

/**
 * A vault deleted while an offboarding waited on it: there is nothing left to re-key or hand
 * over, so those steps are skipped rather than left open forever.
 */
export async function skipOffboardingStepsOfDeletedVault(vaultId: string) {
  await refreshOffboardingReports(await skipStepsOfDeletedVault(vaultId));
}
