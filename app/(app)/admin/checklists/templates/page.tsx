import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { TemplatesEditor } from "@/components/checklists/templates-editor";
import { adminPageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checklist templates · Coffer" };

export default async function ChecklistTemplatesPage() {
  const account = await shellAccount(await adminPageSession());
  return (
    <AppShell account={account}>
      <TemplatesEditor />
    </AppShell>
  );
}
