"use client";

import Link from "next/link";
import { useId, useRef } from "react";
import type { CompliancePerson, MfaAdminResponse } from "@/lib/api/mfa";
import { dateTime } from "@/lib/client/format";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { PolicyOption, policyOptions } from "./policy-option";
import { RequireNowDialog } from "./require-now-dialog";
import { useMfaPolicyForm } from "./use-mfa-policy-form";

/** Who must sign in with a security key, after how long, and whether the key checks a PIN. */
export function MfaPolicyForm(props: {
  policy: MfaAdminResponse["policy"];
  people: CompliancePerson[];
  currentUserId: string;
  onSaved: (result: MfaAdminResponse) => void;
}) {
  const { policy } = props;
  const graceInput = useRef<HTMLInputElement>(null);
  const form = useMfaPolicyForm({ ...props, graceInput });
  const verificationId = useId();
  const since =
    policy.requireMfa !== "off" && policy.since ? ` In force since ${dateTime(policy.since)}.` : "";

  return (
    <Card>
      <CardHeader
        title="Security key policy"
        description={`Who must confirm each sign-in with a hardware security key.${since}`}
      />
      <form className="space-y-6" noValidate onSubmit={form.submit}>
        <fieldset>
          <legend className="text-sm font-medium text-stone-800">Require security keys</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-3">
            {policyOptions.map((option) => (
              <PolicyOption
                key={option.value}
                option={option}
                checked={form.requireMfa === option.value}
                onSelect={() => form.chooseRequireMfa(option.value)}
              />
            ))}
          </div>
        </fieldset>

        <Field
          ref={graceInput}
          label="Grace period (days)"
          type="number"
          inputMode="numeric"
          min={0}
          max={365}
          step={1}
          className="max-w-xs"
          value={form.graceDays}
          error={form.graceError}
          hint="How long someone the policy reaches may keep working without a key: counted from this change, or from their sign-up if later. 0 means at once."
          onChange={(event) => form.changeGraceDays(event.target.value)}
        />

        <div className="flex items-start gap-3">
          <input
            id={verificationId}
            type="checkbox"
            className="mt-0.5 size-4 rounded border-stone-300"
            checked={form.userVerification}
            aria-describedby={`${verificationId}-hint`}
            onChange={(event) => form.changeUserVerification(event.target.checked)}
          />
          <div>
            <label htmlFor={verificationId} className="text-sm font-medium text-stone-800">
              Require a PIN or biometric on the key
            </label>
            <p id={`${verificationId}-hint`} className="text-xs text-stone-500">
              Off lets a YubiKey without a PIN work as the second factor; on, every key must also
              check a PIN, fingerprint or face.
            </p>
          </div>
        </div>

        {form.requireMfa !== "off" && form.selfWithoutKey && (
          <Alert tone="warning" title="You have no security key yet.">
            This policy applies to you too. Add a key in{" "}
            <Link href="/settings/security" className="font-medium underline">
              Security settings
            </Link>{" "}
            first, or you will be limited to adding one{" "}
            {form.graceDays.trim() === "0" ? "at your next request" : "when the grace period ends"}.
          </Alert>
        )}

        {form.formError && <Alert>{form.formError}</Alert>}
        {form.success && <Alert tone="success">{form.success}</Alert>}

        <Button type="submit" busy={form.saving && form.confirming === null} busyLabel="Saving…">
          Save policy
        </Button>
      </form>

      <RequireNowDialog
        settings={form.confirming}
        withoutKeyCount={form.withoutKey.length}
        selfWithoutKey={form.selfWithoutKey}
        saving={form.saving}
        onConfirm={form.confirm}
        onCancel={form.cancelConfirm}
      />
    </Card>
  );
}
