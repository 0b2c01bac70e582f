"use client";

import { Alert } from "../ui/alert";
import { EmergencyKit } from "./emergency-kit";
import type { useAccountCreation } from "./use-account-creation";

/**
 * The step after an account is created (setup and invite sign-up): the Emergency Kit with the
 * Secret Key this page shows only once, and Continue.
 */
export function KitStep({
  title,
  organizationName,
  creation,
}: {
  title: string;
  organizationName: string;
  creation: ReturnType<typeof useAccountCreation> & {
    kit: { email: string; secretKey: string };
  };
}) {
  return (
    <div className="mx-auto w-full max-w-2xl">
      <Alert tone="success" className="mb-6 print:hidden" title={title}>
        Save your Emergency Kit before you continue: it holds your Secret Key, which this page shows
        only once.
      </Alert>
      <EmergencyKit
        kit={{
          organizationName,
          email: creation.kit.email,
          secretKey: creation.kit.secretKey,
          signInUrl: `${window.location.origin}/signin`,
        }}
        onContinue={creation.continueToApp}
        continuing={creation.phase === "continuing"}
        error={creation.error}
      />
    </div>
  );
}
