import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { VaultView } from "@/components/vaults/vault-view";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Vault · Coffer" };

// Membership is checked by the API the client calls; a non-member sees its 404.
export default async function VaultPage({ params }: { params: Promise<{ vaultId: string }> }) {
  const [{ vaultId }, session] = await Promise.all([params, pageSession()]);
  const account = await shellAccount(session);
  return (
    <AppShell account={account}>
      <VaultView key={vaultId} vaultId={vaultId} />
    </AppShell>
  );
}
