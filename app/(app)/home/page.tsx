import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { HomeView } from "@/components/home-view";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Home · Coffer" };

export default async function HomePage() {
  const account = await shellAccount(await pageSession());
  return (
    <AppShell account={account}>
      <HomeView account={account} />
    </AppShell>
  );
}
