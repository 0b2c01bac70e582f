"use client";

import { useState } from "react";
import type { ServiceAccountDetailResponse } from "@/lib/api/machine";
import { rekeyServiceAccount, type RekeyOutcome } from "@/lib/client/service-accounts/rekey";
import { serviceAccountApi } from "@/lib/client/service-accounts/service-account-api";
import { useKeyring } from "@/components/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";
import { countOf } from "@/lib/client/format";

/**
 * "Re-key this service account": new keys and saKey made here, every old token revoked, the
 * vault grants this person manages re-made. Used on the account's page and in the offboarding
 * report (which passes only the id, so the detail is loaded on confirm).
 */
export function RekeyButton({
  serviceAccountId,
  name,
  detail,
  onDone,
}: {
  serviceAccountId: string;
  name: string;
  detail?: ServiceAccountDetailResponse;
  onDone?: () => Promise<void> | void;
}) {
  const keyring = useKeyring();
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<RekeyOutcome | null>(null);
  const rekey = useAction(async () => {
    if (!keyring) throw new Error("Unlock Coffer first.");
    const current = detail ?? (await serviceAccountApi.detail(serviceAccountId));
    setOutcome(await rekeyServiceAccount(keyring, current));
    setAsking(false);
    await onDone?.();
  });

  return (
    <div className="space-y-2">
      <Button variant="danger" onClick={() => setAsking(true)} disabled={!keyring}>
        Re-key {name}
      </Button>
      {outcome && <RekeyResult outcome={outcome} />}
      <ConfirmDialog
        open={asking}
        tone="danger"
        title={`Re-key ${name}?`}
        confirmLabel="Re-key service account"
        busyLabel="Re-keying…"
        busy={rekey.pending}
        error={rekey.error?.message}
        onConfirm={() => void rekey.run()}
        onCancel={() => setAsking(false)}
      >
        <p>
          New keys are made on this device. Every token of this account stops working at once: make
          new tokens for the programs that use it. Managers who left lose their copy of its key;
          vaults you manage are granted to it again, others wait for their managers.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function RekeyResult({ outcome }: { outcome: RekeyOutcome }) {
  const { result, unconfirmedManagers } = outcome;
  return (
    <Alert tone="success" title="Re-keyed">
      <p>
        {countOf(result.revokedTokens, "old token")} revoked;{" "}
        {countOf(result.regrantedVaultIds.length, "vault")} granted again.
      </p>
      {result.droppedGrants.length > 0 && (
        <p className="mt-1">
          A manager of each of these vaults must grant it again:{" "}
          {result.droppedGrants.map((grant) => grant.vaultId).join(", ")}.
        </p>
      )}
      {unconfirmedManagers.length > 0 && (
        <p className="mt-1">
          Not given the new key (fingerprint not confirmed): {unconfirmedManagers.join(", ")}. Add
          them again after comparing fingerprints.
        </p>
      )}
    </Alert>
  );
}
