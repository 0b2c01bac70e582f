"use client";

import { useCallback, useState } from "react";
import type { ChecklistDto, OffboardingReport } from "@/lib/api/checklist";
import type { AdminVaultDto } from "@/lib/api/vault";
import { managedVaultIds, offboardingApi } from "@/lib/client/offboarding";
import { useResource } from "@/components/ui/use-resource";

/**
 * An offboarding run as this viewer sees it: its checklist, the vaults they manage, and (as
 * extra detail) the report and an admin's view of vault memberships.
 */
export function useOffboardingRun(checklistId: string, isAdmin: boolean) {
  const [report, setReport] = useState<OffboardingReport | null>(null);
  const [adminVaults, setAdminVaults] = useState<AdminVaultDto[] | null>(null);

  const loadRun = useCallback(async () => {
    const [checklist, managed] = await Promise.all([
      offboardingApi.checklist(checklistId),
      managedVaultIds(),
    ]);
    // The report and the admin's view of memberships only add detail: their failure is not
    // the page's.
    offboardingApi
      .report(checklistId)
      .then(setReport)
      .catch(() => setReport(null));
    if (isAdmin) {
      offboardingApi
        .adminVaults()
        .then((result) => setAdminVaults(result.vaults))
        .catch(() => setAdminVaults(null));
    }
    return { checklist, managed };
  }, [checklistId, isAdmin]);
  const { data, error, reload, replace } = useResource(loadRun);

  /** Shows the checklist an action's answer holds, without asking the server again. */
  const setChecklist = useCallback(
    (checklist: ChecklistDto) => {
      if (data) replace({ checklist, managed: data.managed });
    },
    [data, replace],
  );

  return {
    checklist: data?.checklist ?? null,
    setChecklist,
    report,
    managed: data?.managed ?? null,
    adminVaults,
    error,
    load: reload,
  };
}
