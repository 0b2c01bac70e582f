"use client";

import { useEffect, useId, useState } from "react";
import type { PublicBundleDto } from "@/lib/api/vault";
import type { ServiceAccountDetailResponse } from "@/lib/api/machine";
import { addServiceAccountManager } from "@/lib/client/service-accounts/rekey";
import { serviceAccountApi } from "@/lib/client/service-accounts/service-account-api";
import { vaultApi } from "@/lib/client/vaults/vault-api";
import { useKeyring } from "@/components/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useAction } from "@/components/ui/use-action";

/**
 * Who holds the account's key. A manager adds someone whose fingerprint they confirmed (saKey
 * is sealed here to the key they pinned); removing a manager flags the account for a re-key,
 * since the person may have kept the key.
 */
export function ManagersPanel({
  detail,
  reload,
}: {
  detail: ServiceAccountDetailResponse;
  reload: () => Promise<void>;
}) {
  const keyring = useKeyring();
  const account = detail.serviceAccount;
  const selectId = useId();
  const [people, setPeople] = useState<PublicBundleDto[]>([]);
  const [newManagerId, setNewManagerId] = useState("");
  const [removing, setRemoving] = useState<{ userId: string; name: string } | null>(null);

  useEffect(() => {
    if (!account.manages) return;
    let current = true;
    vaultApi
      .directory()
      .then(({ users }) => current && setPeople(users))
      .catch(() => current && setPeople([]));
    return () => {
      current = false;
    };
  }, [account.manages]);

  const add = useAction(async () => {
    if (!keyring) throw new Error("Unlock Coffer first.");
    await addServiceAccountManager(keyring, detail, newManagerId);
    setNewManagerId("");
    await reload();
  });
  const remove = useAction(async (userId: string) => {
    await serviceAccountApi.removeManager(account.id, userId);
    setRemoving(null);
    await reload();
  });

  const managerIds = new Set(detail.managers.map((manager) => manager.userId));
  const candidates = people.filter((person) => !managerIds.has(person.userId));

  return (
    <Card>
      <CardHeader
        title="Managers"
        description="They hold the account's key: they make its tokens and grant it vaults."
      />
      <ul className="divide-y divide-stone-100">
        {detail.managers.map((manager) => (
          <li key={manager.userId} className="flex flex-wrap items-center gap-2 py-2">
            <span className="font-medium text-stone-900">{manager.name}</span>
            <span className="text-sm text-stone-600">{manager.email}</span>
            {!manager.active && (
              <span className="rounded-full bg-stone-200 px-2 py-0.5 text-xs text-stone-700">
                Left
              </span>
            )}
            {detail.managers.length > 1 && (
              <Button
                variant="ghost"
                className="ml-auto"
                onClick={() =>
                  setRemoving({ userId: manager.userId, name: manager.name || manager.email })
                }
              >
                Remove
              </Button>
            )}
          </li>
        ))}
      </ul>
      {account.manages && (
        <form
          className="mt-4 flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (newManagerId) void add.run();
          }}
        >
          <div>
            <label htmlFor={selectId} className="block text-sm font-medium text-stone-800">
              Add a manager
            </label>
            <select
              id={selectId}
              value={newManagerId}
              onChange={(event) => setNewManagerId(event.target.value)}
              className="mt-1.5 block rounded-lg border border-stone-300 bg-white px-3 py-2 text-stone-900"
            >
              <option value="">Choose a person…</option>
              {candidates.map((person) => (
                <option key={person.userId} value={person.userId}>
                  {person.name || person.email}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary" busy={add.pending} busyLabel="Adding…">
            Add manager
          </Button>
          <p className="w-full text-xs text-stone-500">
            Only someone whose fingerprint you confirmed (for example when sharing a vault with
            them) can be added: the account&apos;s key is sealed to the key you confirmed.
          </p>
        </form>
      )}
      {add.error && <Alert>{add.error.message}</Alert>}
      <ConfirmDialog
        open={removing !== null}
        tone="danger"
        title={`Remove ${removing?.name ?? ""} as a manager?`}
        confirmLabel="Remove manager"
        busy={remove.pending}
        error={remove.error?.message}
        onConfirm={() => removing && void remove.run(removing.userId)}
        onCancel={() => setRemoving(null)}
      >
        <p>
          They may have kept the account&apos;s key, so the account is flagged: re-key it to make
          that copy useless.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
