import type { Metadata } from "next";
import { ItemPage } from "@/components/items/item-page";
import { AppPage } from "../../../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Item · Coffer" };

export default async function VaultItemPage({
  params,
}: {
  params: Promise<{ vaultId: string; itemId: string }>;
}) {
  const { vaultId, itemId } = await params;
  return <AppPage>{() => <ItemPage key={itemId} vaultId={vaultId} itemId={itemId} />}</AppPage>;
}
