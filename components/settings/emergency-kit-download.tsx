"use client";

import { useEffect, useState } from "react";
import { downloadEmergencyKit } from "@/lib/client/emergency-kit-text";
import { loadSecretKey } from "@/lib/client/secret-key-store";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";

/** The kit again, from the Secret Key this device remembers; the server cannot provide it. */
export function EmergencyKitDownload({
  email,
  organizationName,
}: {
  email: string;
  organizationName: string;
}) {
  const [secretKey, setSecretKey] = useState<string | null | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    void loadSecretKey(email).then((stored) => {
      if (!cancelled) setSecretKey(stored);
    });
    return () => {
      cancelled = true;
    };
  }, [email]);

  return (
    <Card>
      <CardHeader
        title="Emergency Kit"
        description="Your Secret Key and sign-in details, for signing in on a new device. Coffer keeps the Secret Key only on your devices, never on the server."
      />
      {secretKey === null ? (
        <Alert tone="warning">
          This device does not have your Secret Key saved, so it cannot make a new kit. Use a device
          where you have signed in before, or your printed kit.
        </Alert>
      ) : (
        <Button
          variant="secondary"
          disabled={!secretKey}
          onClick={() =>
            secretKey &&
            downloadEmergencyKit({
              email,
              organizationName,
              secretKey,
              signInUrl: `${window.location.origin}/signin`,
            })
          }
        >
          Download Emergency Kit again
        </Button>
      )}
    </Card>
  );
}
