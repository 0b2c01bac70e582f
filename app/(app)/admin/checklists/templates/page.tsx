import type { Metadata } from "next";
import { TemplatesEditor } from "@/components/checklists/templates-editor";
import { AppPage } from "../../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checklist templates · Coffer" };

export default function ChecklistTemplatesPage() {
  return <AppPage access="admin">{() => <TemplatesEditor />}</AppPage>;
}
