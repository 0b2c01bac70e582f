"use client";

import { KdfProgress } from "../kdf-progress";
import { NewPasswordFields } from "../password-fields";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import type { CreationPhase, FieldErrors } from "./use-account-creation";

/**
 * The end of an account-creation form (setup and invite sign-up): the master password twice,
 * the key derivation's progress while it runs, the form's error and its submit button.
 */
export function MasterPasswordStep(props: {
  password: string;
  confirm: string;
  onPasswordChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  phase: CreationPhase;
  fieldErrors: FieldErrors;
  error: string | null;
  submitLabel: string;
  /** What the button says while the account is posted, after the derivation. */
  savingLabel: string;
}) {
  const { phase, fieldErrors } = props;
  const working = phase === "deriving" || phase === "saving";
  return (
    <>
      <NewPasswordFields
        password={props.password}
        confirm={props.confirm}
        onPasswordChange={props.onPasswordChange}
        onConfirmChange={props.onConfirmChange}
        passwordLabel="Master password"
        confirmLabel="Confirm master password"
        passwordError={fieldErrors.password}
        confirmError={fieldErrors.confirm}
        disabled={working}
      />
      {phase === "deriving" && <KdfProgress />}
      {props.error && <Alert>{props.error}</Alert>}
      <Button
        type="submit"
        className="w-full"
        busy={working}
        busyLabel={phase === "deriving" ? "Deriving keys…" : props.savingLabel}
      >
        {props.submitLabel}
      </Button>
    </>
  );
}
