import type { Metadata } from "next";
import { ChecklistView } from "@/components/checklists/checklist-view";
import { isOrgAdmin } from "@/lib/server/policies";
import { AppPage } from "../../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checklist · Coffer" };

// Any signed-in person may load the page: the API the client calls lets admins and the
// managers of the run's vaults read it (docs/decisions/0013) and answers 403 to anyone else,
// which the view shows. A layout or this page deciding instead would duplicate that rule.
export default async function ChecklistPage({
  params,
}: {
  params: Promise<{ checklistId: string }>;
}) {
  const { checklistId } = await params;
  return (
    <AppPage>
      {({ session }) => (
        <ChecklistView key={checklistId} checklistId={checklistId} isAdmin={isOrgAdmin(session)} />
      )}
    </AppPage>
  );
}
