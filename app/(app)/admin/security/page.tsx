import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { MfaPolicyView } from "@/components/mfa-policy-view";
import { adminPageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Security · Coffer" };

export default async function SecurityPolicyPage() {
  const account = await shellAccount(await adminPageSession());
  return (
    <AppShell account={account}>
      <MfaPolicyView currentUserId={account.userId} />
    </AppShell>
  );
}
