"use client";

import { useEffect, useRef, useState } from "react";
import type { MfaStatusResponse } from "@/lib/api/mfa";
import { Card } from "../ui/card";
import { ConfirmSecondFactor } from "./confirm-second-factor";
import { EnrolSecurityKey } from "./enrol-security-key";
import { RecoveryCodes } from "./recovery-codes";

type Step =
  { kind: "confirm" } | { kind: "enrol" } | { kind: "codes"; codes: string[] } | { kind: "done" };

type SessionMfa = Pick<MfaStatusResponse, "state" | "compliant">;

/** What a session still owes: a key check first, then a key if the org requires one. */
function nextStep(status: SessionMfa): Step {
  if (status.state === "pending") return { kind: "confirm" };
  if (!status.compliant) return { kind: "enrol" };
  return { kind: "done" };
}

/**
 * Everything between the password step and the keys: confirming with a key (or a recovery
 * code), or enrolling the key the organisation requires and saving the recovery codes. Shared
 * by the sign-in form and the /mfa page.
 */
export function SecondFactorStep({
  status,
  email,
  onDone,
  onCancel,
}: {
  status: SessionMfa;
  email?: string;
  onDone: () => void;
  onCancel?: () => Promise<void> | void;
}) {
  const [step, setStep] = useState<Step>(() => nextStep(status));
  const doneCalled = useRef(false);

  useEffect(() => {
    if (step.kind !== "done" || doneCalled.current) return;
    doneCalled.current = true;
    onDone();
  }, [step, onDone]);

  if (step.kind === "confirm") {
    return (
      <ConfirmSecondFactor
        onConfirmed={(confirmed) => setStep(nextStep(confirmed))}
        onCancel={onCancel}
      />
    );
  }
  if (step.kind === "enrol") {
    return (
      <Card>
        <EnrolSecurityKey
          description={
            <>
              <p>
                Your organisation requires a security key, such as a YubiKey, to sign in to Coffer.
                Add one now: from then on you confirm each sign-in with it.
              </p>
              <p>Have the key at hand, then press the button and touch the key when it blinks.</p>
            </>
          }
          onEnrolled={(enrolled) =>
            setStep(
              enrolled.recoveryCodes
                ? { kind: "codes", codes: enrolled.recoveryCodes }
                : { kind: "done" },
            )
          }
          onCancel={onCancel}
        />
      </Card>
    );
  }
  if (step.kind === "codes") {
    return (
      <Card>
        <RecoveryCodes
          codes={step.codes}
          email={email}
          onContinue={() => setStep({ kind: "done" })}
        />
      </Card>
    );
  }
  return (
    <Card>
      <p role="status" className="text-sm text-stone-600">
        Opening Coffer…
      </p>
    </Card>
  );
}
