"use client";

import { forwardRef, useId, type InputHTMLAttributes, type ReactNode } from "react";

export interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string | null;
  hint?: ReactNode;
  /** Rendered under the input (e.g. a strength meter); described-by the input. */
  footer?: ReactNode;
}

/** A labelled input with its hint and error wired to aria-describedby. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { label, error, hint, footer, id, className = "", ...props },
  ref,
) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy =
    [hint || footer ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        ref={ref}
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1.5 block w-full rounded-lg border bg-white px-3 py-2 text-stone-900 shadow-xs placeholder:text-stone-400 focus:outline-2 focus:outline-offset-0 disabled:bg-stone-100 disabled:text-stone-500 ${
          error
            ? "border-red-400 focus:outline-red-500"
            : "border-stone-300 focus:border-stone-500 focus:outline-stone-500"
        }`}
        {...props}
      />
      {(hint || footer) && (
        <div id={hintId} className="mt-1.5 text-xs text-stone-500">
          {footer}
          {hint}
        </div>
      )}
      {error && (
        <p id={errorId} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
});
