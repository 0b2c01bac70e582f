import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { ItemPage } from "@/components/vaults/item-page";
import { ITEM_TYPES, type ItemType } from "@/lib/crypto/items";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New item · Coffer" };

export default async function NewItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ vaultId: string }>;
  searchParams: Promise<{ type?: string }>;
}) {
  const [{ vaultId }, { type }, session] = await Promise.all([params, searchParams, pageSession()]);
  const account = await shellAccount(session);
  const itemType: ItemType = (ITEM_TYPES as readonly string[]).includes(type ?? "")
    ? (type as ItemType)
    : "login";
  return (
    <AppShell account={account}>
      <ItemPage key={itemType} vaultId={vaultId} itemId={null} newType={itemType} />
    </AppShell>
  );
}
