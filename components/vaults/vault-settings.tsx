"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState, type FormEvent } from "react";
import { encryptVaultName } from "@/lib/crypto";
import type { VaultEnvironmentDto } from "@/lib/api/vault";
import { rotateVaultKey } from "@/lib/client/vaults/rotate";
import { ENVIRONMENT_LABELS } from "@/lib/client/vaults/templates";
import { vaultApi } from "@/lib/client/vaults/vault-api";
import { useKeyring } from "@/components/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { useAction } from "@/components/ui/use-action";
import { RotationIntervalSetting } from "@/components/rotation/rotation-interval-setting";
import { RotationProgress } from "./rotation-progress";
import { SelectField } from "./select-field";
import { useVaultStore, type LoadedVault } from "./use-vault";

export function VaultSettings({
  vault,
  reload,
}: {
  vault: LoadedVault;
  reload: () => Promise<void>;
}) {
  const keyring = useKeyring();
  const router = useRouter();
  const store = useVaultStore();
  const { detail, opened } = vault;
  const vaultId = detail.vault.id;
  const [name, setName] = useState(opened.name);
  const [environment, setEnvironment] = useState<string>(detail.vault.environment ?? "");
  const [done, setDone] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [typed, setTyped] = useState("");
  // The action ends when the vault list is asked for; the dialog stays busy while it loads.
  const [leaving, setLeaving] = useState(false);

  const rename = useAction(
    useCallback(
      async (key: Uint8Array, newName: string, newEnvironment: string) => {
        const keyVersion = detail.vault.keyVersion;
        await vaultApi.update(vaultId, {
          expectedKeyVersion: keyVersion,
          encryptedName: encryptVaultName(key, newName, vaultId, keyVersion),
          environment: (newEnvironment || null) as VaultEnvironmentDto | null,
        });
        await reload();
        setDone("Saved.");
      },
      [detail.vault.keyVersion, vaultId, reload],
    ),
  );

  // The rotation's progress is its pending state: the bar replaces the button while it runs.
  const rotate = useAction(
    useCallback(async () => {
      if (!keyring) return;
      setProgress({ done: 0, total: 0 });
      try {
        const keyVersion = await rotateVaultKey({
          keyring,
          vaultId,
          removeUserIds: [],
          onProgress: (doneCount, total) => setProgress({ done: doneCount, total }),
        });
        await reload();
        setDone(`Key rotated; the vault is now at key version ${keyVersion}.`);
      } finally {
        setProgress(null);
      }
    }, [keyring, vaultId, reload]),
  );

  const remove = useAction(
    useCallback(async () => {
      await vaultApi.remove(vaultId);
      store?.forget(vaultId);
      setLeaving(true);
      router.push("/vaults");
    }, [vaultId, store, router]),
  );
  const deleteBusy = remove.pending || leaving;

  // One line at the top tells how the last rename or rotation went.
  const failure = rename.error ?? rotate.error;
  const message = failure
    ? { tone: "error" as const, text: failure.message }
    : done
      ? { tone: "success" as const, text: done }
      : null;

  function clearMessage() {
    setDone(null);
    rename.clearError();
    rotate.clearError();
  }

  function onRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!opened.key || !name.trim()) return;
    clearMessage();
    void rename.run(opened.key, name.trim(), environment);
  }

  function onRotate() {
    if (!keyring) return;
    clearMessage();
    void rotate.run();
  }

  return (
    <div className="space-y-6">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Card>
        <CardHeader
          title="Name and environment"
          description="The name is encrypted; the environment is visible to the server for filtering."
        />
        <form className="grid max-w-lg gap-4" onSubmit={onRename}>
          <Field
            label="Vault name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={200}
          />
          <SelectField
            label="Environment"
            value={environment}
            onChange={setEnvironment}
            options={[
              { value: "", label: "None" },
              ...Object.entries(ENVIRONMENT_LABELS).map(([value, label]) => ({ value, label })),
            ]}
          />
          <div>
            <Button type="submit" variant="secondary" busy={rename.pending} busyLabel="Saving…">
              Save
            </Button>
          </div>
        </form>
      </Card>
      <Card>
        <CardHeader
          title="Rotate key"
          description="Makes a new vault key, re-encrypts every item and its history on this device, and shares the new key with every member. Safe to repeat if interrupted."
        />
        {progress ? (
          <RotationProgress {...progress} />
        ) : (
          <Button variant="secondary" onClick={onRotate}>
            Rotate key
          </Button>
        )}
      </Card>
      <Card>
        <CardHeader
          title="Rotation interval"
          description="Flags every item of this vault for a new value when the interval has passed since its secrets last changed. An item can set its own."
        />
        <RotationIntervalSetting vaultId={vaultId} />
      </Card>
      <Card className="border-red-200">
        <CardHeader
          title="Delete vault"
          description="Deletes the vault, its items and their history for every member. This cannot be undone."
        />
        <Button
          variant="danger"
          onClick={() => {
            setTyped("");
            setDeleting(true);
          }}
        >
          Delete vault
        </Button>
      </Card>
      <Modal
        open={deleting}
        busy={deleteBusy}
        onClose={() => setDeleting(false)}
        title="Delete this vault?"
      >
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (typed === opened.name) void remove.run();
          }}
        >
          <p className="text-sm text-stone-600">
            Type <strong className="font-semibold text-stone-900">{opened.name}</strong> to confirm.
          </p>
          <Field
            label="Type the vault name to confirm"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
          />
          {remove.error && <Alert>{remove.error.message}</Alert>}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setDeleting(false)} disabled={deleteBusy}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant="danger"
              disabled={typed !== opened.name}
              busy={deleteBusy}
              busyLabel="Deleting…"
            >
              Delete vault
            </Button>
          </div>
        </form>
      </Modal>
    </div>
  );
}
