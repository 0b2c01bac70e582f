import type { Metadata } from "next";
import { VaultView } from "@/components/vaults/vault-view";
import { AppPage } from "../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Vault · Coffer" };

// Membership is checked by the API the client calls; a non-member sees its 404.
export default async function VaultPage({ params }: { params: Promise<{ vaultId: string }> }) {
  const { vaultId } = await params;
  return <AppPage>{() => <VaultView key={vaultId} vaultId={vaultId} />}</AppPage>;
}
