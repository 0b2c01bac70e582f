"use client";

import { Button } from "./button";

/**
 * A row of toggle buttons choosing one filter; the chosen one is pressed (aria-pressed), and
 * each may show how many entries it would leave.
 */
export function FilterButtons<Value extends string>({
  label,
  options,
  value,
  onChange,
  counts,
  className = "flex flex-wrap gap-2",
}: {
  label: string;
  options: ReadonlyArray<{ value: Value; label: string }>;
  value: Value;
  onChange: (value: Value) => void;
  counts?: ReadonlyMap<Value, number>;
  className?: string;
}) {
  return (
    <div role="group" aria-label={label} className={className}>
      {options.map((option) => (
        <Button
          key={option.value}
          variant={value === option.value ? "primary" : "secondary"}
          size="sm"
          aria-pressed={value === option.value}
          onClick={() => onChange(option.value)}
        >
          {counts ? `${option.label} (${counts.get(option.value) ?? 0})` : option.label}
        </Button>
      ))}
    </div>
  );
}
