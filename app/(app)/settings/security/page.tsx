import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { SecurityKeysView } from "@/components/mfa/security-keys-view";
import { pageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Security keys · Coffer" };

export default async function SecurityKeysPage() {
  const account = await shellAccount(await pageSession());
  return (
    <AppShell account={account}>
      <SecurityKeysView account={account} />
    </AppShell>
  );
}
