import type { Metadata } from "next";
import { LockdownCard } from "@/components/lockdown/lockdown-card";
import { MfaPolicyView } from "@/components/mfa-policy/mfa-policy-view";
import { RotationDueSettingsCard } from "@/components/rotation/rotation-due-settings-card";
import { OrgLinksCard } from "@/components/share-links/org-links-card";
import { SharePolicyCard } from "@/components/share-links/share-policy-card";
import { complianceView } from "@/lib/server/mfa/compliance-view";
import { AppPage } from "../../app-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Security · Coffer" };

export default function SecurityPolicyPage() {
  return (
    <AppPage access="admin">
      {/* The policy and who meets it hold nothing encrypted: they come with the page. */}
      {async ({ account }) => (
        <div className="space-y-6">
          <MfaPolicyView currentUserId={account.userId} initial={await complianceView()} />
          <LockdownCard />
          <RotationDueSettingsCard />
          <SharePolicyCard />
          <OrgLinksCard />
        </div>
      )}
    </AppPage>
  );
}
