"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { onboardingInviteRequest, type TemplateDto } from "@/lib/api/checklist";
import { fieldProblem } from "@/lib/api/issue-sentence";
import { ApiError } from "@/lib/client/api";
import { checklistApi } from "@/lib/client/checklists";
import { looksLikeEmail } from "../password-fields";
import { useAction } from "../ui/use-action";
import type { CreatedInvite } from "./invite-link-panel";
import type { VaultRow } from "./vault-rows";

const without = (errors: Record<string, string>, field: string) =>
  Object.fromEntries(Object.entries(errors).filter(([key]) => key !== field));

/** Which template an invite follows: the one chosen while it exists, else the default. */
function effectiveTemplate(chosen: string | null, templates: TemplateDto[] | null): string {
  const fallback = templates?.find((template) => template.isDefault)?.id ?? "";
  if (chosen === null || !templates) return fallback;
  return chosen === "" || templates.some((template) => template.id === chosen) ? chosen : fallback;
}

/**
 * The invite form's state: what was typed stays until the invite is made. A refusal lands on
 * the input its `field` names (`email`, `templateId`, `vaults.<n>.…`), never by reading text.
 */
export function useInviteForm(input: {
  templates: TemplateDto[] | null;
  onCreated: () => Promise<void>;
  reloadTemplates: () => Promise<void>;
}) {
  const { onCreated, reloadTemplates } = input;
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<"member" | "admin">("member");
  const [chosenTemplate, setChosenTemplate] = useState<string | null>(null);
  const [rows, setRows] = useState<VaultRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [rowErrors, setRowErrors] = useState<ReadonlyMap<number, string>>(new Map());
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const nextRowKey = useRef(0);
  const emailInputId = useId();
  const rowIdPrefix = useId();
  const focusEmail = () => document.getElementById(emailInputId)?.focus();
  const templateId = effectiveTemplate(chosenTemplate, input.templates);

  const dropRowError = (key: number) =>
    setRowErrors((current) => new Map([...current].filter(([rowKey]) => rowKey !== key)));

  /** Puts a refusal under the input its `field` names; false when no input of this form has it. */
  const placeRefusal = useCallback(
    (field: string, message: string): boolean => {
      const rowIndex = field.match(/^vaults\.(\d+)(\.|$)/)?.[1];
      const row = rowIndex === undefined ? undefined : rows[Number(rowIndex)];
      if (row) {
        setRowErrors(new Map([[row.key, message]]));
        document.getElementById(`${rowIdPrefix}-${row.key}`)?.focus();
        return true;
      }
      if (field === "email") {
        setErrors({ email: message });
        return true;
      }
      if (field === "templateId") {
        setErrors({ templateId: "This template is gone. Choose another one." });
        void reloadTemplates();
        return true;
      }
      return false;
    },
    [rows, rowIdPrefix, reloadTemplates],
  );

  const create = useAction(
    useCallback(async () => {
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
        await onCreated();
      } catch (caught) {
        // The rest (no field, or one this form has no input for) is the form's own message.
        if (!(
          caught instanceof ApiError &&
          caught.field &&
          placeRefusal(caught.field, caught.message)
        ))
          throw caught;
      }
    }, [email, role, rows, templateId, onCreated, placeRefusal]),
  );

  // A disabled input cannot take the focus: move it once the form is usable again.
  useEffect(() => {
    if (errors.email && !create.pending) document.getElementById(emailInputId)?.focus();
  }, [errors.email, create.pending, emailInputId]);

  /** Checks what the server would refuse anyway, with its words, so nothing is sent for it. */
  function validate(): boolean {
    const emailProblem = looksLikeEmail(email)
      ? fieldProblem(onboardingInviteRequest.shape.email, "email", email)
      : "Enter the email address of the person to invite.";
    setErrors(emailProblem ? { email: emailProblem } : {});
    if (emailProblem) focusEmail();
    const problems = new Map<number, string>();
    const seen = new Set<string>();
    for (const row of rows) {
      if (!row.vaultId) problems.set(row.key, "Choose a vault, or remove this row.");
      else if (seen.has(row.vaultId)) problems.set(row.key, "This vault is already named above.");
      seen.add(row.vaultId);
    }
    setRowErrors(problems);
    return !emailProblem && problems.size === 0;
  }

  return {
    email,
    setEmail: (value: string) => {
      setEmail(value);
      setErrors((current) => without(current, "email"));
    },
    emailInputId,
    role,
    setRole,
    templateId,
    setTemplateId: (value: string) => {
      setChosenTemplate(value);
      setErrors((current) => without(current, "templateId"));
    },
    rows,
    rowErrors,
    rowIdPrefix,
    addRow: (firstFreeVault: string) => {
      const key = nextRowKey.current++;
      setRows((current) => [...current, { key, vaultId: firstFreeVault, role: "view" }]);
      // The new row's vault select takes the focus, so a keyboard user carries on there.
      requestAnimationFrame(() => document.getElementById(`${rowIdPrefix}-${key}`)?.focus());
    },
    updateRow: (key: number, change: Partial<VaultRow>) => {
      setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
      dropRowError(key);
    },
    removeRow: (key: number) => {
      setRows((current) => current.filter((row) => row.key !== key));
      dropRowError(key);
    },
    errors,
    formError: create.error?.message ?? null,
    creating: create.pending,
    submit: async () => {
      create.clearError();
      if (!validate()) return;
      setCreated(null);
      await create.run();
    },
    created,
    forgetCreated: (inviteId: string) =>
      setCreated((current) => (current?.inviteId === inviteId ? null : current)),
  };
}
