import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell";
import { LockdownCard } from "@/components/lockdown-card";
import { MfaPolicyView } from "@/components/mfa-policy-view";
import { RotationDueSettingsCard } from "@/components/rotation-due-settings-card";
import { OrgLinksCard } from "@/components/share-links/org-links-card";
import { SharePolicyCard } from "@/components/share-links/share-policy-card";
import { adminPageSession } from "@/lib/server/page-session";
import { shellAccount } from "../../shell-account";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Security · Coffer" };

export default async function SecurityPolicyPage() {
  const account = await shellAccount(await adminPageSession());
  return (
    <AppShell account={account}>
      <div className="space-y-6">
        <MfaPolicyView currentUserId={account.userId} />
        <LockdownCard />
        <RotationDueSettingsCard />
        <SharePolicyCard />
        <OrgLinksCard />
      </div>
    </AppShell>
  );
}
