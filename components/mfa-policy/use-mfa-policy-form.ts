"use client";

import { useCallback, useState, type FormEvent, type RefObject } from "react";
import {
  mfaPolicySettings,
  type CompliancePerson,
  type MfaAdminResponse,
  type MfaPolicy,
  type MfaPolicySettings,
} from "@/lib/api/mfa";
import { saveMfaPolicy } from "@/lib/client/mfa";
import { useAction } from "@/components/ui/use-action";
import { cancelledAs } from "./cancelled-as";
import { appliesTo, policySummary } from "./policy-summary";

export const graceDaysError = "Enter a whole number of days from 0 to 365.";

/**
 * The policy form's values, checked with the schema the server uses, and saving them. A policy
 * that takes effect at once and is stricter than before waits in `confirming` for a yes.
 */
export function useMfaPolicyForm({
  policy,
  people,
  currentUserId,
  onSaved,
  graceInput,
}: {
  policy: MfaAdminResponse["policy"];
  people: CompliancePerson[];
  currentUserId: string;
  onSaved: (result: MfaAdminResponse) => void;
  /** Focused when the grace period does not parse, so the person lands on what to fix. */
  graceInput: RefObject<HTMLInputElement | null>;
}) {
  const [requireMfa, setRequireMfa] = useState<MfaPolicy>(policy.requireMfa);
  const [graceDays, setGraceDays] = useState(String(policy.graceDays));
  const [userVerification, setUserVerification] = useState(policy.userVerification);
  const [invalidGraceDays, setInvalidGraceDays] = useState(false);
  const [success, setSuccess] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<MfaPolicySettings | null>(null);

  const save = useAction(
    useCallback(
      async (settings: MfaPolicySettings) => {
        const result = await cancelledAs(
          saveMfaPolicy(settings),
          "the security key check was cancelled.",
        );
        onSaved(result);
        setSuccess(`Policy saved. ${policySummary(settings)}`);
      },
      [onSaved],
    ),
  );

  async function saveAndClose(settings: MfaPolicySettings) {
    await save.run(settings);
    setConfirming(null);
  }

  // Active people the chosen policy reaches who have no key yet: limited to enrolment once
  // their grace period ends (at once, with none).
  const withoutKey = people.filter(
    (person) =>
      person.status === "active" && person.keyCount === 0 && appliesTo(requireMfa, person),
  );

  function edited() {
    setSuccess(null);
    save.clearError();
  }

  /** The form's values through the same schema the server uses; null (and an error) if bad. */
  function readSettings(): MfaPolicySettings | null {
    const days = /^\d{1,3}$/.test(graceDays.trim()) ? Number(graceDays.trim()) : Number.NaN;
    const parsed = mfaPolicySettings.safeParse({ requireMfa, graceDays: days, userVerification });
    setInvalidGraceDays(!parsed.success);
    if (!parsed.success) {
      graceInput.current?.focus();
      return null;
    }
    return parsed.data;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    edited();
    const settings = readSettings();
    if (!settings) return;
    const immediate = settings.requireMfa !== "off" && settings.graceDays === 0;
    const tightened = settings.requireMfa !== policy.requireMfa || policy.graceDays !== 0;
    if (immediate && tightened) setConfirming(settings);
    else void saveAndClose(settings);
  }

  // The server names the field it refused; anything else is about the form as a whole.
  const serverRefusedGraceDays = save.error?.field === "graceDays";

  return {
    requireMfa,
    chooseRequireMfa: (value: MfaPolicy) => {
      setRequireMfa(value);
      edited();
    },
    graceDays,
    changeGraceDays: (value: string) => {
      setGraceDays(value);
      setInvalidGraceDays(false);
      edited();
    },
    userVerification,
    changeUserVerification: (value: boolean) => {
      setUserVerification(value);
      edited();
    },
    graceError: invalidGraceDays || serverRefusedGraceDays ? graceDaysError : null,
    formError:
      save.error && !serverRefusedGraceDays
        ? `The policy was not saved: ${save.error.message}`
        : null,
    success,
    saving: save.pending,
    submit,
    confirming,
    confirm: () => confirming && void saveAndClose(confirming),
    cancelConfirm: () => setConfirming(null),
    withoutKey,
    selfWithoutKey: withoutKey.some((person) => person.userId === currentUserId),
  };
}

export type MfaPolicyFormState = ReturnType<typeof useMfaPolicyForm>;
