"use client";

import { passwordStrength, MIN_PASSWORD_LENGTH } from "@/lib/client/format";
import { Field } from "./ui/field";

const meterColours = [
  "bg-stone-300",
  "bg-red-500",
  "bg-amber-500",
  "bg-lime-500",
  "bg-emerald-600",
];

function StrengthMeter({ password }: { password: string }) {
  const { score, label } = passwordStrength(password);
  return (
    <div className="mb-1 flex items-center gap-2" aria-live="polite">
      <div className="flex flex-1 gap-1" aria-hidden="true">
        {[1, 2, 3, 4].map((step) => (
          <span
            key={step}
            className={`h-1 flex-1 rounded-full ${password && score >= step ? meterColours[score] : "bg-stone-200"}`}
          />
        ))}
      </div>
      <span className="w-16 text-right">{password ? label : ""}</span>
    </div>
  );
}

/** A new master password and its confirmation, with a strength hint. */
export function NewPasswordFields({
  password,
  confirm,
  onPasswordChange,
  onConfirmChange,
  passwordLabel,
  confirmLabel,
  passwordError,
  confirmError,
  disabled,
}: {
  password: string;
  confirm: string;
  onPasswordChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  passwordLabel: string;
  confirmLabel: string;
  passwordError?: string | null;
  confirmError?: string | null;
  disabled?: boolean;
}) {
  return (
    <>
      <Field
        label={passwordLabel}
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        value={password}
        onChange={(event) => onPasswordChange(event.target.value)}
        error={passwordError}
        disabled={disabled}
        footer={<StrengthMeter password={password} />}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong, memorable password. Nobody can reset it for you.`}
      />
      <Field
        label={confirmLabel}
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(event) => onConfirmChange(event.target.value)}
        error={confirmError}
        disabled={disabled}
      />
    </>
  );
}

/** Client-side checks before any key is derived; null when fine. */
export function validateNewPassword(
  password: string,
  confirm: string,
): { password?: string; confirm?: string } | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { password: `Use at least ${MIN_PASSWORD_LENGTH} characters.` };
  }
  if (password !== confirm) return { confirm: "The passwords do not match." };
  return null;
}

export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}
