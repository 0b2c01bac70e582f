import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { ServiceAccountsView } from "@/components/service-accounts/service-accounts-view";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Service accounts · Coffer" };

export default async function ServiceAccountsPage() {
  const account = await shellAccount(await pageSession());
  return (
    <AppShell account={account}>
      <ServiceAccountsView />
    </AppShell>
  );
}
