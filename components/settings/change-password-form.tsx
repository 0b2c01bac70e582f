"use client";

import { useCallback, useState, type FormEvent } from "react";
import { WrongPasswordError } from "@/lib/client/auth";
import { changeMasterPassword } from "@/lib/client/session-flows";
import { KdfProgress } from "../kdf-progress";
import { useKeyring } from "../keyring-provider";
import { NewPasswordFields, validateNewPassword } from "../password-fields";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { Field } from "../ui/field";
import { useAction } from "../ui/use-action";
import { countOf } from "@/lib/client/format";

type Phase = "current" | "new" | "saving";

const phaseLabels: Record<Phase, string> = {
  current: "Checking current password…",
  new: "Deriving new keys…",
  saving: "Saving…",
};

export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const keyring = useKeyring();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  // Which step of the change is running; shown only while it runs.
  const [phase, setPhase] = useState<Phase>("current");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [success, setSuccess] = useState<string | null>(null);

  const change = useAction(
    useCallback(
      async (currentPassword: string, newPassword: string) => {
        if (!keyring) return;
        setPhase("current");
        try {
          const { revoked } = await changeMasterPassword({
            keyring,
            currentPassword,
            newPassword,
            onPhase: setPhase,
          });
          setCurrent("");
          setNext("");
          setConfirm("");
          setSuccess(
            revoked === 0
              ? "Your master password was changed. Other sessions were signed out (there were none)."
              : `Your master password was changed. Other sessions were signed out (${countOf(revoked, "session")}).`,
          );
          onChanged?.();
        } catch (caught) {
          // A wrong current password belongs under its input, not in the form's alert.
          if (!(caught instanceof WrongPasswordError)) throw caught;
          setErrors({ current: "That is not your current master password." });
        }
      },
      [keyring, onChanged],
    ),
  );
  const busy = change.pending;
  const error = change.error?.message ?? null;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!keyring || busy) return;
    change.clearError();
    setSuccess(null);
    const problems: Record<string, string> = {
      ...(current ? {} : { current: "Enter your current master password." }),
      ...validateNewPassword(next, confirm),
    };
    if (!problems.password && current && next === current) {
      problems.password = "Choose a password different from the current one.";
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    await change.run(current, next);
  }

  return (
    <Card>
      <CardHeader
        title="Master password"
        description="Changing it re-wraps your keys in this browser and signs out every other session. Your Secret Key stays the same, so your Emergency Kit remains valid."
      />
      <form className="max-w-md space-y-5" onSubmit={(event) => void onSubmit(event)} noValidate>
        <Field
          label="Current master password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          error={errors.current}
          disabled={busy}
        />
        <NewPasswordFields
          password={next}
          confirm={confirm}
          onPasswordChange={setNext}
          onConfirmChange={setConfirm}
          passwordLabel="New master password"
          confirmLabel="Confirm new master password"
          passwordError={errors.password}
          confirmError={errors.confirm}
          disabled={busy}
        />
        {busy && phase !== "saving" && <KdfProgress label={phaseLabels[phase]} key={phase} />}
        {error && <Alert>{error}</Alert>}
        {success && <Alert tone="success">{success}</Alert>}
        <Button type="submit" busy={busy} busyLabel={busy ? phaseLabels[phase] : undefined}>
          Change master password
        </Button>
      </form>
    </Card>
  );
}
