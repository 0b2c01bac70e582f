import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { VaultsView } from "@/components/vaults/vaults-view";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Vaults · Coffer" };

export default async function VaultsPage() {
  const account = await shellAccount(await pageSession());
  return (
    <AppShell account={account}>
      <VaultsView />
    </AppShell>
  );
}
