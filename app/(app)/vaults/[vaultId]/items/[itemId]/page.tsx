import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { ItemPage } from "@/components/vaults/item-page";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Item · Coffer" };

export default async function VaultItemPage({
  params,
}: {
  params: Promise<{ vaultId: string; itemId: string }>;
}) {
  const [{ vaultId, itemId }, session] = await Promise.all([params, pageSession()]);
  const account = await shellAccount(session);
  return (
    <AppShell account={account}>
      <ItemPage key={itemId} vaultId={vaultId} itemId={itemId} />
    </AppShell>
  );
}
