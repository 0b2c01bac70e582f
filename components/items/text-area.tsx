"use client";

import { useId, type ReactNode } from "react";

export function TextArea({
  label,
  value,
  onChange,
  rows,
  hint,
  mono = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows: number;
  hint?: ReactNode;
  mono?: boolean;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        value={value}
        spellCheck={!mono}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => onChange(event.target.value)}
        className={`mt-1.5 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500 ${mono ? "font-mono text-xs" : "text-sm"}`}
      />
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-stone-500">
          {hint}
        </p>
      )}
    </div>
  );
}
