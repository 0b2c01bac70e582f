"use client";

import { useCallback, useEffect, useState } from "react";
import type { ChecklistDto, OffboardingReport } from "@/lib/api/checklist";
import type { AdminVaultDto } from "@/lib/api/vault";
import { errorMessage } from "@/lib/client/api";
import { managedVaultIds, offboardingApi } from "@/lib/client/offboarding";

/**
 * An offboarding run as this viewer sees it: its checklist, the vaults they manage, and (as
 * extra detail) the report and an admin's view of vault memberships.
 */
export function useOffboardingRun(checklistId: string, isAdmin: boolean) {
  const [checklist, setChecklist] = useState<ChecklistDto | null>(null);
  const [report, setReport] = useState<OffboardingReport | null>(null);
  const [managed, setManaged] = useState<Set<string> | null>(null);
  const [adminVaults, setAdminVaults] = useState<AdminVaultDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const [run, vaults] = await Promise.all([
        offboardingApi.checklist(checklistId),
        managedVaultIds(),
      ]);
      setChecklist(run);
      setManaged(vaults);
      setError(null);
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
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, [checklistId, isAdmin]);

  useEffect(() => {
    // State is set only when the requests settle.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  return { checklist, setChecklist, report, managed, adminVaults, error, load };
}
