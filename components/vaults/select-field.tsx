"use client";

import { useId } from "react";

export function SelectField({
  label,
  value,
  onChange,
  options,
  className = "",
  hideLabel = false,
  disabled,
  error,
  id: givenId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  className?: string;
  hideLabel?: boolean;
  disabled?: boolean;
  /** Shown under the select and wired to it with aria-describedby. */
  error?: string | null;
  /** For a caller that moves the focus to this select. */
  id?: string;
}) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <label
        htmlFor={id}
        className={hideLabel ? "sr-only" : "block text-sm font-medium text-stone-800"}
      >
        {label}
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
        className={`${hideLabel ? "" : "mt-1.5"} block w-full rounded-lg border ${error ? "border-red-400" : "border-stone-300"} bg-white px-3 py-2 text-sm text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500 disabled:bg-stone-100`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
