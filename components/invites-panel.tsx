"use client";

import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { TemplateDto } from "@/lib/api/checklist";
import { inviteListResponse, type InviteDto } from "@/lib/api/invite";
import type { AdminVaultDto, VaultRoleDto } from "@/lib/api/vault";
import { ApiError, api, errorMessage } from "@/lib/client/api";
import { checklistApi } from "@/lib/client/checklists";
import { dateTime, relativeTime } from "@/lib/client/format";
import { looksLikeEmail } from "./password-fields";
import { StatusBadge } from "./status-badge";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Card, CardHeader } from "./ui/card";
import { ConfirmDialog } from "./ui/confirm-dialog";
import { Field } from "./ui/field";
import { ROLE_LABELS } from "./vaults/badges";
import { SelectField } from "./vaults/select-field";
import { vaultLabel } from "./vaults/use-vault-names";

type VaultRow = { key: number; vaultId: string; role: VaultRoleDto };

type Created = {
  link: string;
  email: string;
  inviteId: string;
  checklistId: string;
  emailed: boolean;
};

const VAULT_ROLE_OPTIONS = (["view", "edit", "manage"] as const).map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
}));

/** "vaults.2.vaultId names no vault…" → the row index and the words after the field path. */
function vaultRowError(field: string | undefined, message: string) {
  const match = field?.match(/^vaults\.(\d+)(\.|$)/);
  if (!match || !field) return null;
  const rest = message.startsWith(field) ? message.slice(field.length).trim() : message;
  const text = rest.startsWith("names no vault")
    ? "This vault is not in the organisation any more. Choose another or remove the row."
    : rest.startsWith("is named twice")
      ? "This vault is already named above."
      : rest.charAt(0).toUpperCase() + rest.slice(1);
  return { index: Number(match[1]), text };
}

/** The server names the field first ("email must be…"); the form shows its label instead. */
function withLabel(message: string, field: string, label: string) {
  return message.startsWith(`${field} `) ? `${label} ${message.slice(field.length + 1)}` : message;
}

/**
 * Onboarding starts here: an invite for one email address, naming the vaults the newcomer
 * should get (each becomes a task for that vault's managers) and the checklist template to
 * follow. What was typed stays in the form until the invite is made.
 */
export function InvitesPanel({
  vaults,
  vaultsError,
  names,
  onChange,
}: {
  vaults: AdminVaultDto[] | null;
  vaultsError: string | null;
  names: ReadonlyMap<string, string> | null;
  onChange: () => void;
}) {
  const [invites, setInvites] = useState<InviteDto[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [templates, setTemplates] = useState<TemplateDto[] | null>(null);
  const [templatesError, setTemplatesError] = useState<string | null>(null);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<"member" | "admin">("member");
  const [templateId, setTemplateId] = useState("");
  const [rows, setRows] = useState<VaultRow[]>([]);
  const nextRowKey = useRef(0);
  const [creating, setCreating] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);
  const [templateError, setTemplateError] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Map<number, string>>(new Map());
  const [created, setCreated] = useState<Created | null>(null);
  const [copied, setCopied] = useState(false);
  const [revokeTarget, setRevokeTarget] = useState<InviteDto | null>(null);
  const [revoking, setRevoking] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const roleId = useId();
  const linkId = useId();
  const rowIdPrefix = useId();

  const load = useCallback(async () => {
    try {
      const result = await api("/api/v1/invites", { schema: inviteListResponse });
      setInvites(result.invites);
      setListError(null);
    } catch (caught) {
      setListError(errorMessage(caught));
    }
  }, []);

  const loadTemplates = useCallback(async () => {
    try {
      const onboarding = (await checklistApi.templates()).templates.filter(
        (template) => template.kind === "onboarding",
      );
      setTemplates(onboarding);
      setTemplatesError(null);
      // Keep a choice that still exists; otherwise start from the default.
      setTemplateId((chosen) =>
        onboarding.some((template) => template.id === chosen)
          ? chosen
          : (onboarding.find((template) => template.isDefault)?.id ?? ""),
      );
    } catch (caught) {
      setTemplatesError(errorMessage(caught));
    }
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
    void loadTemplates();
  }, [load, loadTemplates]);

  // A server's answer arrives while the form is disabled, and a disabled input cannot take the
  // focus: move it once the form is usable again.
  useEffect(() => {
    if (emailError && !creating) emailRef.current?.focus();
  }, [emailError, creating]);

  const vaultOptions = (vaults ?? [])
    .map((vault) => ({
      id: vault.id,
      label: vaultLabel(vault.id, names),
      named: names?.has(vault.id) ?? false,
      environment: vault.environment,
    }))
    // The vaults this admin can name first, alphabetically; the others by id after them.
    .sort((a, b) => Number(b.named) - Number(a.named) || a.label.localeCompare(b.label));

  function addRow() {
    const taken = new Set(rows.map((row) => row.vaultId));
    const free = vaultOptions.find((option) => !taken.has(option.id));
    const key = nextRowKey.current++;
    setRows([...rows, { key, vaultId: free?.id ?? "", role: "view" }]);
    // The new row's vault select takes the focus, so a keyboard user carries on there.
    requestAnimationFrame(() => document.getElementById(`${rowIdPrefix}-${key}`)?.focus());
  }

  function updateRow(key: number, change: Partial<VaultRow>) {
    setRows(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
    setRowErrors((errors) => {
      const next = new Map(errors);
      next.delete(key);
      return next;
    });
  }

  function removeRow(key: number) {
    setRows(rows.filter((row) => row.key !== key));
    setRowErrors((errors) => {
      const next = new Map(errors);
      next.delete(key);
      return next;
    });
  }

  /** Checks what the server would refuse anyway, so the admin hears it next to the field. */
  function validate(): boolean {
    let valid = true;
    if (!looksLikeEmail(email)) {
      setEmailError("Enter the email address of the person to invite.");
      emailRef.current?.focus();
      valid = false;
    }
    const errors = new Map<number, string>();
    const seen = new Set<string>();
    for (const row of rows) {
      if (!row.vaultId) errors.set(row.key, "Choose a vault, or remove this row.");
      else if (seen.has(row.vaultId)) errors.set(row.key, "This vault is already named above.");
      seen.add(row.vaultId);
    }
    setRowErrors(errors);
    return valid && errors.size === 0;
  }

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setEmailError(null);
    setTemplateError(null);
    if (!validate()) return;
    setCreating(true);
    setCreated(null);
    setCopied(false);
    try {
      const result = await checklistApi.invite({
        email: email.trim(),
        role,
        vaults: rows.map((row) => ({ vaultId: row.vaultId, role: row.role })),
        ...(templateId ? { templateId } : {}),
      });
      // The token exists only in this response: it is shown once and never stored here.
      setCreated({
        link: `${window.location.origin}/join#${result.token}`,
        email: result.invite.email,
        inviteId: result.invite.id,
        checklistId: result.checklistId,
        emailed: result.emailed,
      });
      setEmail("");
      setRows([]);
      onChange();
      await load();
    } catch (caught) {
      showServerError(caught);
    } finally {
      setCreating(false);
    }
  }

  function showServerError(caught: unknown) {
    if (!(caught instanceof ApiError) || !caught.field) {
      setFormError(errorMessage(caught));
      return;
    }
    const { field, message } = caught;
    const rowError = vaultRowError(field, message);
    const row = rowError ? rows[rowError.index] : undefined;
    if (rowError && row) {
      setRowErrors(new Map([[row.key, rowError.text]]));
      document.getElementById(`${rowIdPrefix}-${row.key}`)?.focus();
    } else if (field === "email") {
      setEmailError(withLabel(message, "email", "Email"));
    } else if (field === "templateId") {
      setTemplateError("This template is gone. Choose another one.");
      void loadTemplates();
    } else {
      setFormError(message);
    }
  }

  async function copyLink() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.link);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions, insecure origin): select the text for a manual copy.
      const input = document.getElementById(linkId);
      if (input instanceof HTMLInputElement) input.select();
    }
  }

  async function revoke() {
    if (!revokeTarget) return;
    setRevoking(true);
    setRevokeError(null);
    try {
      await api(`/api/v1/invites/${encodeURIComponent(revokeTarget.id)}`, { method: "DELETE" });
      if (created?.inviteId === revokeTarget.id) setCreated(null);
      setRevokeTarget(null);
      onChange();
      await load();
    } catch (caught) {
      setRevokeError(errorMessage(caught));
    } finally {
      setRevoking(false);
    }
  }

  const allVaultsNamed = vaults !== null && rows.length >= vaults.length;

  return (
    <Card>
      <CardHeader
        title="Invites"
        description="An invite is a one-time link for one email address. It expires after 7 days. The vaults it names become tasks for their managers, who grant access once the newcomer has an account."
      />
      <form className="space-y-5" onSubmit={onCreate} noValidate aria-label="Invite someone">
        <div className="flex flex-wrap items-start gap-3">
          <Field
            ref={emailRef}
            label="Email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              setEmailError(null);
            }}
            error={emailError}
            disabled={creating}
            className="min-w-56 flex-1"
            placeholder="name@example.com"
          />
          <div>
            <label htmlFor={roleId} className="block text-sm font-medium text-stone-800">
              Role
            </label>
            <select
              id={roleId}
              value={role}
              onChange={(event) => setRole(event.target.value === "admin" ? "admin" : "member")}
              disabled={creating}
              className="mt-1.5 block h-[42px] rounded-lg border border-stone-300 bg-white px-3 text-base text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500"
            >
              <option value="member">Member</option>
              <option value="admin">Admin</option>
            </select>
          </div>
          <div className="min-w-56">
            {templates === null && !templatesError && (
              <p role="status" className="pt-7 text-sm text-stone-500">
                Loading templates…
              </p>
            )}
            {templatesError && (
              <p className="pt-7 text-sm text-red-700">
                Templates could not be loaded ({templatesError}); the default one applies.
              </p>
            )}
            {templates !== null &&
              (templates.length === 0 ? (
                <p className="pt-7 text-sm text-stone-600">
                  No onboarding template: only Coffer&apos;s own steps.
                </p>
              ) : (
                <SelectField
                  label="Checklist template"
                  value={templateId}
                  disabled={creating}
                  error={templateError}
                  onChange={(value) => {
                    setTemplateId(value);
                    setTemplateError(null);
                  }}
                  options={[
                    // Without a templateId the server takes the default template; with no
                    // default, that means Coffer's own steps alone, so offer it as such.
                    ...(templates.some((template) => template.isDefault)
                      ? []
                      : [{ value: "", label: "None: Coffer's own steps only" }]),
                    ...templates.map((template) => ({
                      value: template.id,
                      label: `${template.name}${template.isDefault ? " (default)" : ""}`,
                    })),
                  ]}
                />
              ))}
          </div>
        </div>

        <fieldset className="rounded-xl border border-stone-200 p-4">
          <legend className="px-1 text-sm font-medium text-stone-800">Vault access</legend>
          <p className="text-xs text-stone-500">
            Vaults whose names you cannot read (you are not a member) show their id.
          </p>
          {vaultsError && <p className="mt-2 text-sm text-red-700">{vaultsError}</p>}
          {vaults === null && !vaultsError && (
            <p role="status" className="mt-2 text-sm text-stone-500">
              Loading vaults…
            </p>
          )}
          {vaults !== null && vaults.length === 0 && (
            <p className="mt-2 text-sm text-stone-600">No vaults yet.</p>
          )}
          {rows.length > 0 && (
            <ul className="mt-3 space-y-3" aria-label="Vaults to grant">
              {rows.map((row, index) => {
                const takenElsewhere = new Set(
                  rows.filter((other) => other.key !== row.key).map((other) => other.vaultId),
                );
                const options = vaultOptions.filter(
                  (option) => option.id === row.vaultId || !takenElsewhere.has(option.id),
                );
                return (
                  <li key={row.key} className="flex flex-wrap items-start gap-3">
                    <SelectField
                      id={`${rowIdPrefix}-${row.key}`}
                      label={`Vault ${index + 1}`}
                      value={row.vaultId}
                      disabled={creating}
                      error={rowErrors.get(row.key)}
                      onChange={(vaultId) => updateRow(row.key, { vaultId })}
                      options={[
                        { value: "", label: "Choose a vault…" },
                        ...options.map((option) => ({
                          value: option.id,
                          label: option.environment
                            ? `${option.label} (${option.environment})`
                            : option.label,
                        })),
                      ]}
                      className="min-w-56 flex-1"
                    />
                    <SelectField
                      label={`Access to vault ${index + 1}`}
                      value={row.role}
                      disabled={creating}
                      onChange={(value) => updateRow(row.key, { role: value as VaultRoleDto })}
                      options={VAULT_ROLE_OPTIONS}
                      className="w-36"
                    />
                    <div className="pt-7">
                      <Button
                        variant="ghost"
                        size="sm"
                        disabled={creating}
                        aria-label={`Remove vault ${index + 1}`}
                        onClick={() => removeRow(row.key)}
                      >
                        Remove
                      </Button>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
          {vaults !== null && vaults.length > 0 && (
            <Button
              variant="secondary"
              size="sm"
              className="mt-3"
              disabled={creating || allVaultsNamed}
              onClick={addRow}
            >
              Add a vault
            </Button>
          )}
        </fieldset>

        {formError && <Alert>{formError}</Alert>}
        <Button type="submit" busy={creating} busyLabel="Creating…">
          Create invite
        </Button>
      </form>

      {created && (
        <div
          className="mt-5 rounded-xl border border-amber-200 bg-amber-50 p-4"
          data-testid="invite-link-panel"
        >
          <p className="text-sm font-medium text-amber-900">
            Invite link for {created.email}: shown only once, expires in 7 days.
          </p>
          <p className="mt-1 text-xs text-amber-800">
            Send it over a channel you trust. Anyone with the link can create this account.
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <label htmlFor={linkId} className="sr-only">
              Invite link
            </label>
            <input
              id={linkId}
              readOnly
              value={created.link}
              data-testid="invite-link"
              onFocus={(event) => event.target.select()}
              className="min-w-0 flex-1 rounded-lg border border-amber-300 bg-white px-3 py-2 font-mono text-xs text-stone-900"
            />
            <Button variant="primary" size="sm" onClick={copyLink}>
              Copy link
            </Button>
          </div>
          <p role="status" className="mt-2 min-h-4 text-xs text-amber-900">
            {copied ? "Copied to the clipboard." : ""}
          </p>
          {created.emailed && (
            <p className="mt-1 text-sm text-amber-900">Emailed to {created.email}.</p>
          )}
          <p className="mt-2 text-sm">
            <Link
              href={`/admin/checklists/${encodeURIComponent(created.checklistId)}`}
              className="font-medium text-amber-950 underline underline-offset-2"
            >
              Open the onboarding checklist
            </Link>
          </p>
        </div>
      )}

      <h3 className="mt-8 mb-3 text-sm font-semibold text-stone-900">Sent invites</h3>
      {listError && <Alert>{listError}</Alert>}
      {invites === null && !listError && (
        <p role="status" className="text-sm text-stone-500">
          Loading invites…
        </p>
      )}
      {invites !== null && invites.length === 0 && (
        <p className="rounded-lg border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-500">
          No invites yet. Invite someone with the form above.
        </p>
      )}
      {invites !== null && invites.length > 0 && (
        <ul
          className="divide-y divide-stone-200 rounded-lg border border-stone-200"
          aria-label="Invites"
        >
          {invites.map((invite) => (
            <li
              key={invite.id}
              className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
                  <span className="truncate">{invite.email}</span>
                  <StatusBadge status={invite.status} />
                  <span className="text-xs font-normal text-stone-500 capitalize">
                    {invite.role}
                  </span>
                </p>
                <p className="mt-0.5 text-xs text-stone-500">
                  Sent by {invite.createdByName} {relativeTime(invite.createdAt)}
                  {invite.status === "pending" && (
                    <span title={dateTime(invite.expiresAt)}>
                      {" "}
                      · expires {relativeTime(invite.expiresAt)}
                    </span>
                  )}
                </p>
              </div>
              {invite.status === "pending" && (
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`Revoke invite for ${invite.email}`}
                  onClick={() => {
                    setRevokeError(null);
                    setRevokeTarget(invite);
                  }}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={revokeTarget !== null}
        title="Revoke this invite?"
        confirmLabel="Revoke invite"
        busyLabel="Revoking…"
        busy={revoking}
        error={revokeError}
        onConfirm={revoke}
        onCancel={() => setRevokeTarget(null)}
      >
        The link for {revokeTarget?.email} stops working at once. You can send a new invite later.
        Its onboarding checklist stays as a record.
      </ConfirmDialog>
    </Card>
  );
}
