import type { Metadata } from "next";
import { ItemPage } from "@/components/items/item-page";
import { ITEM_TYPES, type ItemType } from "@/lib/crypto/items";
import { AppPage } from "../../../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New item · Coffer" };

export default async function NewItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ vaultId: string }>;
  searchParams: Promise<{ type?: string }>;
}) {
  const [{ vaultId }, { type }] = await Promise.all([params, searchParams]);
  const itemType: ItemType = (ITEM_TYPES as readonly string[]).includes(type ?? "")
    ? (type as ItemType)
    : "login";
  return (
    <AppPage>
      {() => <ItemPage key={itemType} vaultId={vaultId} itemId={null} newType={itemType} />}
    </AppPage>
  );
}
