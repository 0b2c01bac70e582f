"use client";

import { useState, useSyncExternalStore } from "react";
import { readTheme, writeTheme, type Theme } from "@/lib/client/theme";
import { Card, CardHeader } from "../ui/card";

const noSubscription = () => () => {};

const CHOICES: { value: Theme; label: string; description: string }[] = [
  { value: "system", label: "System", description: "Light or dark, as this device is set." },
  { value: "light", label: "Light", description: "Always light." },
  { value: "dark", label: "Dark", description: "Always dark." },
];

/** Per device, like auto-lock: a phone may be dark while a shared office screen stays light. */
export function ThemeSetting() {
  const stored = useSyncExternalStore(noSubscription, readTheme, () => "system" as const);
  const [chosen, setChosen] = useState<Theme | null>(null);
  const shown = chosen ?? stored;
  return (
    <Card>
      <CardHeader title="Appearance" description="This setting applies to this device only." />
      <fieldset className="space-y-1">
        <legend className="mb-2 text-sm font-medium text-stone-900">Colour scheme</legend>
        {CHOICES.map((choice) => (
          <label key={choice.value} className="flex gap-3 rounded-lg p-2 hover:bg-stone-50">
            <input
              type="radio"
              name="theme"
              value={choice.value}
              checked={shown === choice.value}
              onChange={() => {
                writeTheme(choice.value);
                setChosen(choice.value);
              }}
              className="mt-1"
            />
            <span>
              <span className="block text-sm font-medium text-stone-900">{choice.label}</span>
              <span className="block text-sm text-stone-600">{choice.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </Card>
  );
}
