import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { LinksView } from "@/components/share-links/links-view";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Links · Coffer" };

export default async function LinksPage() {
  const account = await shellAccount(await pageSession());
  return (
    <AppShell account={account}>
      <LinksView />
    </AppShell>
  );
}
