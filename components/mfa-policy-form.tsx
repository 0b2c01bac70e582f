"use client";

import Link from "next/link";
import { useId, useRef, useState, type FormEvent } from "react";
import {
  mfaPolicySettings,
  type CompliancePerson,
  type MfaAdminResponse,
  type MfaPolicy,
  type MfaPolicySettings,
} from "@/lib/api/mfa";
import { ApiError, errorMessage } from "@/lib/client/api";
import { countOf, dateTime } from "@/lib/client/format";
import { saveMfaPolicy } from "@/lib/client/mfa";
import { StepUpCancelled } from "./mfa/step-up-provider";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Card, CardHeader } from "./ui/card";
import { ConfirmDialog } from "./ui/confirm-dialog";
import { Field } from "./ui/field";

const policyOptions: Array<{ value: MfaPolicy; label: string; description: string }> = [
  {
    value: "off",
    label: "Off",
    description: "Security keys are optional: anyone may add one from their own settings.",
  },
  {
    value: "admins",
    label: "Admins and owners",
    description: "People who manage the organisation must sign in with a key; members may.",
  },
  {
    value: "everyone",
    label: "Everyone",
    description: "Every person must sign in with a key.",
  },
];

const graceDaysError = "Enter a whole number of days from 0 to 365.";

function appliesTo(policy: MfaPolicy, person: CompliancePerson) {
  return policy === "everyone" || (policy === "admins" && person.role !== "member");
}

function policySummary(settings: MfaPolicySettings) {
  if (settings.requireMfa === "off") return "Security keys are optional.";
  const who = settings.requireMfa === "everyone" ? "Everyone" : "Admins and owners";
  const when =
    settings.graceDays === 0
      ? "starting now"
      : `after a grace period of ${countOf(settings.graceDays, "day")}`;
  return `${who} must sign in with a security key, ${when}.`;
}

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

export function MfaPolicyForm({
  policy,
  people,
  currentUserId,
  onSaved,
}: {
  policy: MfaAdminResponse["policy"];
  people: CompliancePerson[];
  currentUserId: string;
  onSaved: (result: MfaAdminResponse) => void;
}) {
  const [requireMfa, setRequireMfa] = useState<MfaPolicy>(policy.requireMfa);
  const [graceDays, setGraceDays] = useState(String(policy.graceDays));
  const [userVerification, setUserVerification] = useState(policy.userVerification);
  const [graceError, setGraceError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [pending, setPending] = useState<MfaPolicySettings | null>(null);
  const verificationId = useId();
  const graceInput = useRef<HTMLInputElement>(null);

  // Active people the chosen policy reaches who have no key yet: limited to enrolment once
  // their grace period ends (at once, with none).
  const withoutKey = people.filter(
    (person) =>
      person.status === "active" && person.keyCount === 0 && appliesTo(requireMfa, person),
  );
  const selfWithoutKey = withoutKey.some((person) => person.userId === currentUserId);

  function edited() {
    setSuccess(null);
    setFormError(null);
  }

  /** The form's values through the same schema the server uses; null (and an error) if bad. */
  function readSettings(): MfaPolicySettings | null {
    const days = /^\d{1,3}$/.test(graceDays.trim()) ? Number(graceDays.trim()) : Number.NaN;
    const parsed = mfaPolicySettings.safeParse({ requireMfa, graceDays: days, userVerification });
    if (!parsed.success) {
      setGraceError(graceDaysError);
      graceInput.current?.focus();
      return null;
    }
    setGraceError(null);
    return parsed.data;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    edited();
    const settings = readSettings();
    if (!settings) return;
    const immediate = settings.requireMfa !== "off" && settings.graceDays === 0;
    const tightened = settings.requireMfa !== policy.requireMfa || policy.graceDays !== 0;
    if (immediate && tightened) setPending(settings);
    else void save(settings);
  }

  async function save(settings: MfaPolicySettings) {
    setSaving(true);
    try {
      const result = await saveMfaPolicy(settings);
      setPending(null);
      onSaved(result);
      setSuccess(`Policy saved. ${policySummary(settings)}`);
    } catch (caught) {
      setPending(null);
      if (caught instanceof ApiError && caught.field === "graceDays") setGraceError(graceDaysError);
      else if (caught instanceof StepUpCancelled) {
        setFormError("The policy was not saved: the security key check was cancelled.");
      } else setFormError(`The policy was not saved: ${errorMessage(caught)}`);
    } finally {
      setSaving(false);
    }
  }

  const since =
    policy.requireMfa !== "off" && policy.since ? ` In force since ${dateTime(policy.since)}.` : "";

  return (
    <Card>
      <CardHeader
        title="Security key policy"
        description={`Who must confirm each sign-in with a hardware security key.${since}`}
      />
      <form className="space-y-6" noValidate onSubmit={onSubmit}>
        <fieldset>
          <legend className="text-sm font-medium text-stone-800">Require security keys</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-3">
            {policyOptions.map((option) => (
              <PolicyOption
                key={option.value}
                option={option}
                checked={requireMfa === option.value}
                onSelect={() => {
                  setRequireMfa(option.value);
                  edited();
                }}
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
          value={graceDays}
          error={graceError}
          hint="How long someone the policy reaches may keep working without a key: counted from this change, or from their sign-up if later. 0 means at once."
          onChange={(event) => {
            setGraceDays(event.target.value);
            setGraceError(null);
            edited();
          }}
        />

        <div className="flex items-start gap-3">
          <input
            id={verificationId}
            type="checkbox"
            className="mt-0.5 size-4 rounded border-stone-300"
            checked={userVerification}
            aria-describedby={`${verificationId}-hint`}
            onChange={(event) => {
              setUserVerification(event.target.checked);
              edited();
            }}
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

        {requireMfa !== "off" && selfWithoutKey && (
          <Alert tone="warning" title="You have no security key yet.">
            This policy applies to you too. Add a key in{" "}
            <Link href="/settings/security" className="font-medium underline">
              Security settings
            </Link>{" "}
            first, or you will be limited to adding one{" "}
            {graceDays.trim() === "0" ? "at your next request" : "when the grace period ends"}.
          </Alert>
        )}

        {formError && <Alert>{formError}</Alert>}
        {success && <Alert tone="success">{success}</Alert>}

        <Button type="submit" busy={saving && pending === null} busyLabel="Saving…">
          Save policy
        </Button>
      </form>

      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.requireMfa === "everyone"
            ? "Require a security key from everyone now?"
            : "Require a security key from admins and owners now?"
        }
        confirmLabel="Require keys now"
        busyLabel="Saving…"
        busy={saving}
        onConfirm={() => pending && void save(pending)}
        onCancel={() => setPending(null)}
      >
        <p>
          With no grace period, people without a security key will be limited to enrolment at their
          next request: they can add a key or sign out, nothing else, until they do.
        </p>
        <p className="mt-2">
          {withoutKey.length === 0
            ? "Everyone this applies to already has a key."
            : `${plural(withoutKey.length, "person has", "people have")} no key yet.`}
          {selfWithoutKey && " That includes you."}
        </p>
      </ConfirmDialog>
    </Card>
  );
}

function PolicyOption({
  option,
  checked,
  onSelect,
}: {
  option: (typeof policyOptions)[number];
  checked: boolean;
  onSelect: () => void;
}) {
  const id = useId();
  return (
    <div
      className={`flex items-start gap-3 rounded-lg border p-3 ${
        checked ? "border-stone-900 bg-stone-50" : "border-stone-200"
      }`}
    >
      <input
        id={id}
        type="radio"
        name="requireMfa"
        value={option.value}
        checked={checked}
        onChange={onSelect}
        aria-describedby={`${id}-description`}
        className="mt-0.5 size-4"
      />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-stone-900">
          {option.label}
        </label>
        <p id={`${id}-description`} className="text-xs text-stone-500">
          {option.description}
        </p>
      </div>
    </div>
  );
}
