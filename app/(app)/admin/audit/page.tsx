import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { AuditView } from "@/components/audit-view";
import { adminPageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log · Coffer" };

export default async function AuditPage() {
  const account = await shellAccount(await adminPageSession());
  return (
    <AppShell account={account}>
      <AuditView />
    </AppShell>
  );
}
