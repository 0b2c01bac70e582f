import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { ImportView } from "@/components/import/import-view";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import · Coffer" };

export default async function ImportPage() {
  const account = await shellAccount(await pageSession());
  return (
    <AppShell account={account}>
      <ImportView />
    </AppShell>
  );
}
