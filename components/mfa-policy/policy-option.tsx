"use client";

import { useId } from "react";
import type { MfaPolicy } from "@/lib/api/mfa";

export const policyOptions: Array<{ value: MfaPolicy; label: string; description: string }> = [
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

/** One choice of who must sign in with a key: a radio with its explanation. */
export function PolicyOption({
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
