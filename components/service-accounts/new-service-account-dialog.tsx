"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { createServiceAccount } from "@/lib/client/service-accounts/actions";
import { MAX_LIFETIME_PRESETS } from "@/lib/client/service-accounts/labels";
import { useKeyring } from "@/components/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { useAction } from "@/components/ui/use-action";
import { SelectField } from "@/components/vaults/select-field";

export function NewServiceAccountDialog({ onClose }: { onClose: () => void }) {
  const keyring = useKeyring();
  const router = useRouter();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [maxLifetime, setMaxLifetime] = useState(String(24 * 3600));
  const create = useAction(async () => {
    if (!keyring) return;
    const id = await createServiceAccount(keyring, {
      name: name.trim(),
      description: description.trim(),
      maxTokenTtlSeconds: Number(maxLifetime),
    });
    router.push(`/service-accounts/${encodeURIComponent(id)}`);
  });
  const fieldError = (field: string) =>
    create.error?.field === field ? create.error.message : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void create.run();
  }

  return (
    <Modal
      open
      onClose={onClose}
      busy={create.pending}
      title="New service account"
      description="Its keys are made on this device. You become its manager: only managers can make tokens for it or grant it vaults."
    >
      <form className="space-y-4" onSubmit={onSubmit} noValidate>
        <Field
          label="Name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoFocus
          autoComplete="off"
          maxLength={100}
          placeholder="ci-deploy"
          hint="Shown in vault member lists and the audit log."
          error={fieldError("name")}
        />
        <Field
          label="Description"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          autoComplete="off"
          maxLength={500}
          placeholder="GitHub Actions deploy job for the API"
          error={fieldError("description")}
        />
        <SelectField
          label="Longest a session token may live"
          value={maxLifetime}
          onChange={setMaxLifetime}
          options={MAX_LIFETIME_PRESETS}
          error={fieldError("maxTokenTtlSeconds")}
        />
        {create.error && !create.error.field && <Alert>{create.error.message}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={create.pending}>
            Cancel
          </Button>
          <Button type="submit" busy={create.pending} busyLabel="Creating…">
            Create service account
          </Button>
        </div>
      </form>
    </Modal>
  );
}
