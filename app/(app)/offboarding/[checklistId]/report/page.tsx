import type { Metadata } from "next";
import { OffboardingReportView } from "@/components/offboarding/offboarding-report-view";
import { AppPage } from "../../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Offboarding report · Coffer" };

// The report API scopes what a manager sees to their vaults, and answers 404 to anyone else.
export default async function OffboardingReportPage({
  params,
}: {
  params: Promise<{ checklistId: string }>;
}) {
  const { checklistId } = await params;
  return <AppPage>{() => <OffboardingReportView checklistId={checklistId} />}</AppPage>;
}
