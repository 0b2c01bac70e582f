import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { OffboardingRunView } from "@/components/offboarding/offboarding-run-view";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Offboarding · Coffer" };

// Admins and the managers of the person's vaults: the checklist API answers 403 to others.
export default async function OffboardingPage({
  params,
}: {
  params: Promise<{ checklistId: string }>;
}) {
  const [{ checklistId }, session] = await Promise.all([params, pageSession()]);
  const account = await shellAccount(session);
  return (
    <AppShell account={account}>
      <OffboardingRunView checklistId={checklistId} isAdmin={account.role !== "member"} />
    </AppShell>
  );
}
