"use client";

import { useState } from "react";
import {
  accountFingerprint,
  pinServiceAccounts,
  type AccountTrust,
} from "@/lib/client/service-accounts/pins";
import type { ServiceAccountDetailResponse } from "@/lib/api/machine";
import { useKeyring } from "@/components/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";

const TRUST_TEXT: Record<AccountTrust, string> = {
  confirmed: "Pinned on this device: you made these keys here, or compared this fingerprint.",
  unconfirmed: "Pinned on first use during a rotation; nobody on this device compared it yet.",
  unknown: "Not pinned yet. Compare it before granting this account a vault.",
  changed:
    "These keys differ from the ones you pinned. Do not grant anything until you know why: the server may be offering a key of its own.",
  invalid: "The account's keys are not self-signed. Do not grant it anything.",
};

/**
 * The account's fingerprint, to compare with its creator (or another manager's screen) before
 * pinning: the vault key is later sealed to the pinned key, never to the server's copy.
 */
export function FingerprintCard({
  detail,
  trust,
  onPinned,
}: {
  detail: ServiceAccountDetailResponse;
  trust: AccountTrust;
  onPinned: () => Promise<void>;
}) {
  const keyring = useKeyring();
  const [compared, setCompared] = useState(false);
  const fingerprint = accountFingerprint(detail.serviceAccount);
  const pin = useAction(async () => {
    if (!keyring) return;
    await pinServiceAccounts(keyring, [detail.serviceAccount], true);
    await onPinned();
  });
  const needsPin = trust !== "confirmed" && trust !== "invalid";

  return (
    <Card>
      <CardHeader
        title="Fingerprint"
        description="Compare it with the account's creator or another manager, out of band."
      />
      {fingerprint ? (
        <div className="rounded-xl bg-stone-50 p-4 ring-1 ring-stone-200">
          <p
            data-testid="service-account-fingerprint"
            className="font-mono text-sm tracking-wide break-words text-stone-900"
          >
            {fingerprint.hex}
          </p>
          <p className="mt-1 text-sm text-stone-600">
            <span className="text-stone-500">Words: </span>
            <span className="font-medium text-stone-800">{fingerprint.words.join(" ")}</span>
          </p>
        </div>
      ) : null}
      <Alert
        tone={trust === "confirmed" ? "success" : trust === "unknown" ? "info" : "warning"}
        className="mt-4"
      >
        {TRUST_TEXT[trust]}
      </Alert>
      {needsPin && fingerprint && (
        <div className="mt-4 space-y-3">
          <label className="flex items-center gap-2 text-sm font-medium text-stone-900">
            <input
              type="checkbox"
              checked={compared}
              onChange={(event) => setCompared(event.target.checked)}
            />
            I compared the fingerprint
          </label>
          {pin.error && <Alert>{pin.error.message}</Alert>}
          <Button
            onClick={() => void pin.run()}
            disabled={!compared}
            busy={pin.pending}
            busyLabel="Pinning…"
          >
            {trust === "changed" ? "Trust the new keys" : "Confirm and pin these keys"}
          </Button>
        </div>
      )}
    </Card>
  );
}
