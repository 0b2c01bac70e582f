"use client";

import { useState, type FormEvent } from "react";
import type { MachineTokenKind } from "@/lib/crypto";
import type { ServiceAccountDetailResponse } from "@/lib/api/machine";
import { createToken } from "@/lib/client/service-accounts/actions";
import {
  lifetimeLabel,
  TOKEN_EXPIRY_PRESETS,
  TOKEN_KINDS,
} from "@/lib/client/service-accounts/labels";
import { useKeyring } from "@/components/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { useAction } from "@/components/ui/use-action";
import { SelectField } from "@/components/vaults/select-field";
import { vaultLabel, type useVaultNames } from "@/components/vaults/use-vault-names";

const KIND_DEFAULTS: Record<MachineTokenKind, { expiry: string; maxUses: string }> = {
  sa: { expiry: String(3600), maxUses: "" },
  bt: { expiry: "30", maxUses: "1" },
  mt: { expiry: String(24 * 3600), maxUses: "" },
};

const splitList = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean);

export function NewTokenDialog({
  detail,
  vaultNames,
  onClose,
  onCreated,
}: {
  detail: ServiceAccountDetailResponse;
  vaultNames: ReturnType<typeof useVaultNames>;
  onClose: () => void;
  onCreated: (token: string) => Promise<void>;
}) {
  const keyring = useKeyring();
  const [kind, setKind] = useState<MachineTokenKind>("sa");
  const [name, setName] = useState("");
  const [expiry, setExpiry] = useState(KIND_DEFAULTS.sa.expiry);
  const [customMinutes, setCustomMinutes] = useState("60");
  const [maxUses, setMaxUses] = useState(KIND_DEFAULTS.sa.maxUses);
  const [cidrs, setCidrs] = useState("");
  const [vaultIds, setVaultIds] = useState<string[]>([]);
  const [readOnly, setReadOnly] = useState(false);
  const ttlSeconds = expiry === "custom" ? Math.round(Number(customMinutes) * 60) : Number(expiry);

  const create = useAction(async () => {
    if (!keyring) return;
    const { token } = await createToken(keyring, detail, {
      kind,
      name: name.trim(),
      ttlSeconds,
      maxUses: maxUses.trim() ? Number(maxUses) : null,
      allowedCidrs: splitList(cidrs),
      vaultIds,
      readOnly,
    });
    await onCreated(token);
  });
  const fieldError = (field: string) =>
    create.error?.field?.split(".")[0] === field ? create.error.message : null;

  function chooseKind(next: MachineTokenKind) {
    setKind(next);
    setExpiry(KIND_DEFAULTS[next].expiry);
    setMaxUses(KIND_DEFAULTS[next].maxUses);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void create.run();
  }

  return (
    <Modal
      open
      wide
      onClose={onClose}
      busy={create.pending}
      title={`New token for ${detail.serviceAccount.name}`}
      description={`Made on this device. Session tokens of this account live at most ${lifetimeLabel(detail.serviceAccount.maxTokenTtlSeconds)}.`}
    >
      <form className="space-y-4" onSubmit={onSubmit} noValidate>
        <SelectField
          label="Kind"
          value={kind}
          onChange={(value) => chooseKind(value as MachineTokenKind)}
          options={(Object.keys(TOKEN_KINDS) as MachineTokenKind[]).map((value) => ({
            value,
            label: TOKEN_KINDS[value].label,
          }))}
        />
        <p className="-mt-2 text-xs text-stone-500">{TOKEN_KINDS[kind].hint}</p>
        <Field
          label="Name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoComplete="off"
          maxLength={100}
          placeholder="deploy job on main"
          error={fieldError("name")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Expires after"
            value={expiry}
            onChange={setExpiry}
            options={TOKEN_EXPIRY_PRESETS}
            error={expiry === "custom" ? null : fieldError("ttlSeconds")}
          />
          {expiry === "custom" && (
            <Field
              label="Minutes"
              type="number"
              min={1}
              value={customMinutes}
              onChange={(event) => setCustomMinutes(event.target.value)}
              error={fieldError("ttlSeconds")}
            />
          )}
          <Field
            label="Maximum uses"
            type="number"
            min={1}
            value={maxUses}
            onChange={(event) => setMaxUses(event.target.value)}
            hint="Empty for no limit. Each API request is one use."
            error={fieldError("maxUses")}
          />
        </div>
        <Field
          label="Allowed address ranges"
          value={cidrs}
          onChange={(event) => setCidrs(event.target.value)}
          autoComplete="off"
          placeholder="203.0.113.0/24, 2001:db8::/32"
          hint="Empty to allow any address."
          error={fieldError("allowedCidrs")}
        />
        {kind !== "mt" && detail.grants.length > 0 && (
          <fieldset>
            <legend className="text-sm font-medium text-stone-800">Vaults</legend>
            <p className="text-xs text-stone-500">None ticked: every vault the account has.</p>
            <div className="mt-2 space-y-1">
              {detail.grants.map((grant) => (
                <label key={grant.vaultId} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={vaultIds.includes(grant.vaultId)}
                    onChange={(event) =>
                      setVaultIds((ids) =>
                        event.target.checked
                          ? [...ids, grant.vaultId]
                          : ids.filter((id) => id !== grant.vaultId),
                      )
                    }
                  />
                  {vaultLabel(grant.vaultId, vaultNames)}
                </label>
              ))}
            </div>
            {fieldError("vaultIds") && (
              <p className="mt-1.5 text-sm text-red-700">{fieldError("vaultIds")}</p>
            )}
          </fieldset>
        )}
        {kind !== "mt" && (
          <label className="flex items-center gap-2 text-sm font-medium text-stone-900">
            <input
              type="checkbox"
              checked={readOnly}
              onChange={(event) => setReadOnly(event.target.checked)}
            />
            Read-only, even in vaults granted read and write
          </label>
        )}
        {create.error &&
          !["name", "ttlSeconds", "maxUses", "allowedCidrs", "vaultIds"].includes(
            create.error.field?.split(".")[0] ?? "",
          ) && <Alert>{create.error.message}</Alert>}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={create.pending}>
            Cancel
          </Button>
          <Button type="submit" busy={create.pending} busyLabel="Creating…">
            Create token
          </Button>
        </div>
      </form>
    </Modal>
  );
}
