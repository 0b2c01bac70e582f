"use client";

import { useId } from "react";
import type { TemplateDto } from "@/lib/api/checklist";
import { email as emailSchema } from "@/lib/api/common";
import { maxLengthOf } from "@/lib/api/issue-sentence";
import type { AdminVaultDto } from "@/lib/api/vault";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { SelectField } from "../vaults/select-field";
import type { useInviteForm } from "./use-invite-form";
import { VaultRows, vaultOptionsOf } from "./vault-rows";

const emailLimit = maxLengthOf(emailSchema);

function TemplateChoice({
  form,
  templates,
  error,
}: {
  form: ReturnType<typeof useInviteForm>;
  templates: TemplateDto[] | null;
  error: string | null;
}) {
  if (templates === null && !error) {
    return (
      <p role="status" className="pt-7 text-sm text-stone-500">
        Loading templates…
      </p>
    );
  }
  if (error || templates === null) {
    return (
      <p className="pt-7 text-sm text-red-700">
        Templates could not be loaded ({error}); the default one applies.
      </p>
    );
  }
  if (templates.length === 0) {
    return (
      <p className="pt-7 text-sm text-stone-600">
        No onboarding template: only Coffer&apos;s own steps.
      </p>
    );
  }
  return (
    <SelectField
      label="Checklist template"
      value={form.templateId}
      disabled={form.creating}
      error={form.errors.templateId}
      onChange={form.setTemplateId}
      options={[
        // Without a templateId the server takes the default template; with no default, that
        // means Coffer's own steps alone, so offer it as such.
        ...(templates.some((template) => template.isDefault)
          ? []
          : [{ value: "", label: "None: Coffer's own steps only" }]),
        ...templates.map((template) => ({
          value: template.id,
          label: `${template.name}${template.isDefault ? " (default)" : ""}`,
        })),
      ]}
    />
  );
}

/** Email, role, template and vaults of a new invite. */
export function InviteForm({
  form,
  templates,
  templatesError,
  vaults,
  vaultsError,
  names,
}: {
  form: ReturnType<typeof useInviteForm>;
  templates: TemplateDto[] | null;
  templatesError: string | null;
  vaults: AdminVaultDto[] | null;
  vaultsError: string | null;
  names: ReadonlyMap<string, string> | null;
}) {
  const roleId = useId();
  const options = vaultOptionsOf(vaults, names);
  return (
    <form
      className="space-y-5"
      noValidate
      aria-label="Invite someone"
      onSubmit={(event) => {
        event.preventDefault();
        void form.submit();
      }}
    >
      <div className="flex flex-wrap items-start gap-3">
        <Field
          id={form.emailInputId}
          label="Email"
          type="email"
          autoComplete="off"
          maxLength={emailLimit}
          value={form.email}
          onChange={(event) => form.setEmail(event.target.value)}
          error={form.errors.email}
          disabled={form.creating}
          className="min-w-56 flex-1"
          placeholder="name@example.com"
        />
        <div>
          <label htmlFor={roleId} className="block text-sm font-medium text-stone-800">
            Role
          </label>
          <select
            id={roleId}
            value={form.role}
            onChange={(event) => form.setRole(event.target.value === "admin" ? "admin" : "member")}
            disabled={form.creating}
            className="mt-1.5 block h-[42px] rounded-lg border border-stone-300 bg-white px-3 text-base text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500"
          >
            <option value="member">Member</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <div className="min-w-56">
          <TemplateChoice form={form} templates={templates} error={templatesError} />
        </div>
      </div>

      <VaultRows
        vaults={vaults}
        vaultsError={vaultsError}
        options={options}
        rows={form.rows}
        errors={form.rowErrors}
        rowIdPrefix={form.rowIdPrefix}
        disabled={form.creating}
        onAdd={() => {
          const taken = new Set(form.rows.map((row) => row.vaultId));
          form.addRow(options.find((option) => !taken.has(option.id))?.id ?? "");
        }}
        onUpdate={form.updateRow}
        onRemove={form.removeRow}
      />

      {form.formError && <Alert>{form.formError}</Alert>}
      <Button type="submit" busy={form.creating} busyLabel="Creating…">
        Create invite
      </Button>
    </form>
  );
}
