import type { Metadata } from "next";
import { TemplatesEditor } from "@/components/checklists/templates-editor";
import { requireOrganization } from "@/lib/server/data/organization";
import { templatesWithDefaults } from "@/lib/server/checklists/templates";
import { AppPage } from "../../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checklist templates · Coffer" };

// Templates hold no ciphertext: they come with the page, from the templates API's own
// function (defaults seeded alike), and the editor asks the API again after each change.
async function TemplatesWithList() {
  const templates = await templatesWithDefaults((await requireOrganization()).id);
  return <TemplatesEditor initialTemplates={templates} />;
}

export default function ChecklistTemplatesPage() {
  return <AppPage access="admin">{() => <TemplatesWithList />}</AppPage>;
}
