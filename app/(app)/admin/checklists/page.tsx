import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { ChecklistsList } from "@/components/checklists/checklists-list";
import { adminPageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checklists · Coffer" };

export default async function ChecklistsPage() {
  const account = await shellAccount(await adminPageSession());
  return (
    <AppShell account={account}>
      <ChecklistsList />
    </AppShell>
  );
}
