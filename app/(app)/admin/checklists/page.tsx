import type { Metadata } from "next";
import { ChecklistsList } from "@/components/checklists/checklists-list";
import { AppPage } from "../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checklists · Coffer" };

export default function ChecklistsPage() {
  return <AppPage access="admin">{() => <ChecklistsList />}</AppPage>;
}
