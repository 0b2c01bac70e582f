import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { ExportView } from "@/components/export/export-view";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Export · Coffer" };

export default async function ExportPage() {
  const account = await shellAccount(await pageSession());
  return (
    <AppShell account={account}>
      <ExportView />
    </AppShell>
  );
}
