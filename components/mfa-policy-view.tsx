"use client";

import { useCallback, useEffect, useState } from "react";
import type { MfaAdminResponse } from "@/lib/api/mfa";
import { errorMessage } from "@/lib/client/api";
import { getMfaAdmin } from "@/lib/client/mfa";
import { MfaCompliancePanel } from "./mfa-compliance-panel";
import { MfaPolicyForm } from "./mfa-policy-form";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Card } from "./ui/card";

/**
 * The admin's security page: the org's security-key policy and who meets it. Both halves show
 * one server answer, so saving the policy updates the compliance table at once.
 */
export function MfaPolicyView({ currentUserId }: { currentUserId: string }) {
  const [data, setData] = useState<MfaAdminResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refreshing, setRefreshing] = useState(false);

  const load = useCallback(async () => {
    setRefreshing(true);
    try {
      setData(await getMfaAdmin());
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setRefreshing(false);
    }
  }, []);

  useEffect(() => {
    // State is set only when the request settles, not synchronously.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-stone-900">Security</h1>
        <p className="mt-1 text-stone-600">
          Decide who must sign in with a security key, and see who already does.
        </p>
      </div>

      {error && (
        <Alert title="The security policy could not be loaded.">
          <p>{error}</p>
          <Button
            variant="secondary"
            size="sm"
            className="mt-2"
            onClick={load}
            busy={refreshing}
            busyLabel="Retrying…"
          >
            Try again
          </Button>
        </Alert>
      )}

      {data === null && !error && (
        <Card>
          <p role="status" className="text-sm text-stone-500">
            Loading the security policy…
          </p>
        </Card>
      )}

      {data !== null && (
        <>
          <MfaPolicyForm
            policy={data.policy}
            people={data.people}
            currentUserId={currentUserId}
            onSaved={setData}
          />
          <MfaCompliancePanel
            people={data.people}
            currentUserId={currentUserId}
            refreshing={refreshing}
            onRefresh={load}
          />
        </>
      )}
    </div>
  );
}
