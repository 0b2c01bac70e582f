import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { SettingsView } from "@/components/settings-view";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings · Coffer" };

export default async function SettingsPage() {
  const account = await shellAccount(await pageSession());
  return (
    <AppShell account={account}>
      <SettingsView account={account} />
    </AppShell>
  );
}
