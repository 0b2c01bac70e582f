import type { Metadata } from "next";
import { ChecklistsList } from "@/components/checklists/checklists-list";
import { checklistQuery, firstChecklistFilter } from "@/components/checklists/checklist-filter";
import { checklistSummaries } from "@/lib/server/checklists/list";
import { requireOrganization } from "@/lib/server/data/organization";
import { AppPage } from "../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checklists · Coffer" };

// Checklists hold no ciphertext: the first list comes with the page, from the list API's own
// function, and the view asks the API again when the filters change.
async function ChecklistsWithFirstList() {
  const checklists = await checklistSummaries(
    (await requireOrganization()).id,
    checklistQuery(firstChecklistFilter),
  );
  return <ChecklistsList initialChecklists={checklists} />;
}

export default function ChecklistsPage() {
  return <AppPage access="admin">{() => <ChecklistsWithFirstList />}</AppPage>;
}
