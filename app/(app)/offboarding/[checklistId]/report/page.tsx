import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { OffboardingReportView } from "@/components/offboarding/offboarding-report-view";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Offboarding report · Coffer" };

// The report API scopes what a manager sees to their vaults, and answers 404 to anyone else.
export default async function OffboardingReportPage({
  params,
}: {
  params: Promise<{ checklistId: string }>;
}) {
  const [{ checklistId }, session] = await Promise.all([params, pageSession()]);
  const account = await shellAccount(session);
  return (
    <AppShell account={account}>
      <OffboardingReportView checklistId={checklistId} />
    </AppShell>
  );
}
