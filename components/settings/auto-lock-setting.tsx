"use client";

import { useState, useSyncExternalStore, type FormEvent } from "react";
import {
  DEFAULT_IDLE_LOCK_MINUTES,
  MAX_IDLE_LOCK_MINUTES,
  readIdleLockMinutes,
  writeIdleLockMinutes,
} from "@/lib/client/idle-lock";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { Field } from "../ui/field";
import { countOf } from "@/lib/client/format";

const noSubscription = () => () => {};

export function AutoLockSetting() {
  const stored = useSyncExternalStore(
    noSubscription,
    readIdleLockMinutes,
    () => DEFAULT_IDLE_LOCK_MINUTES,
  );
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const shown = value ?? String(stored);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const minutes = Number(shown);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_IDLE_LOCK_MINUTES) {
      setError(`Enter a whole number of minutes between 1 and ${MAX_IDLE_LOCK_MINUTES}.`);
      setSaved(false);
      return;
    }
    writeIdleLockMinutes(minutes);
    setError(null);
    setSaved(true);
  }

  return (
    <Card>
      <CardHeader
        title="Auto-lock"
        description="Coffer wipes your keys from memory after this long without keyboard or mouse activity. This setting applies to this device only."
      />
      <form className="flex max-w-md flex-wrap items-end gap-3" onSubmit={onSubmit} noValidate>
        <Field
          label="Lock after (minutes)"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_IDLE_LOCK_MINUTES}
          step={1}
          value={shown}
          onChange={(event) => {
            setValue(event.target.value);
            setSaved(false);
          }}
          error={error}
          className="w-48"
        />
        <Button type="submit" variant="secondary">
          Save
        </Button>
      </form>
      {saved && (
        <Alert tone="success" className="mt-4 max-w-md">
          Saved. This device now locks after {countOf(Number(shown), "minute")} without activity.
        </Alert>
      )}
    </Card>
  );
}
