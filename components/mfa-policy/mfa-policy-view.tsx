"use client";

import type { MfaAdminResponse } from "@/lib/api/mfa";
import { getMfaAdmin } from "@/lib/client/mfa";
import { Alert } from "@/components/ui/alert";
import { useAction } from "@/components/ui/use-action";
import { useResource } from "@/components/ui/use-resource";
import { MfaCompliancePanel } from "./mfa-compliance-panel";
import { MfaPolicyForm } from "./mfa-policy-form";

/**
 * The admin's security page: the org's security-key policy and who meets it. Both halves show
 * one server answer, first the one the page was rendered with, so saving the policy updates
 * the compliance table at once.
 */
export function MfaPolicyView({
  currentUserId,
  initial,
}: {
  currentUserId: string;
  initial: MfaAdminResponse;
}) {
  const admin = useResource(getMfaAdmin, initial);
  const refresh = useAction(admin.reload);
  const data = admin.data ?? initial;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-stone-900">Security</h1>
        <p className="mt-1 text-stone-600">
          Decide who must sign in with a security key, and see who already does.
        </p>
      </div>

      {admin.error && (
        <Alert title="The security policy could not be refreshed.">
          <p>{admin.error}</p>
        </Alert>
      )}

      <MfaPolicyForm
        policy={data.policy}
        people={data.people}
        currentUserId={currentUserId}
        onSaved={admin.replace}
      />
      <MfaCompliancePanel
        people={data.people}
        currentUserId={currentUserId}
        refreshing={refresh.pending}
        onRefresh={refresh.run}
      />
    </div>
  );
}
