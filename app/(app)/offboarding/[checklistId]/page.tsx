import type { Metadata } from "next";
import { OffboardingRunView } from "@/components/offboarding/offboarding-run-view";
import { AppPage } from "../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Offboarding · Coffer" };

// Admins and the managers of the person's vaults: the checklist API answers 403 to others.
export default async function OffboardingPage({
  params,
}: {
  params: Promise<{ checklistId: string }>;
}) {
  const { checklistId } = await params;
  return (
    <AppPage>
      {({ account }) => (
        <OffboardingRunView checklistId={checklistId} isAdmin={account.role !== "member"} />
      )}
    </AppPage>
  );
}
