"use client";

import { useCallback, useState, type FormEvent } from "react";
import { rotationApi } from "@/lib/client/rotation";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card, CardHeader } from "../ui/card";
import { Field } from "../ui/field";
import { useAction } from "../ui/use-action";
import { useResource } from "../ui/use-resource";

const LIMITS = { high: 24 * 90, medium: 24 * 365 };

/** How long a flagged item may wait for its new value, by priority (admins). */
export function RotationDueSettingsCard() {
  const settings = useResource(rotationApi.settings);
  // What the admin typed; an untouched input shows the saved value.
  const [typed, setTyped] = useState<{ high?: string; medium?: string }>({});
  const high = typed.high ?? (settings.data ? String(settings.data.dueHighHours) : "");
  const medium = typed.medium ?? (settings.data ? String(settings.data.dueMediumHours) : "");
  const loaded = settings.data !== null;
  const [fieldErrors, setFieldErrors] = useState<{ high?: string; medium?: string }>({});
  const [saved, setSaved] = useState(false);
  const { replace } = settings;
  const save = useAction(
    useCallback(
      async (dueHighHours: number, dueMediumHours: number) => {
        replace(await rotationApi.saveSettings({ dueHighHours, dueMediumHours }));
        setTyped({});
        setSaved(true);
      },
      [replace],
    ),
  );
  const busy = save.pending;
  const error = save.error?.message ?? settings.error;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const parse = (value: string, max: number) =>
      /^\d+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= max
        ? Number(value)
        : null;
    const dueHighHours = parse(high, LIMITS.high);
    const dueMediumHours = parse(medium, LIMITS.medium);
    const problems = {
      high: dueHighHours === null ? `Enter whole hours from 1 to ${LIMITS.high}.` : undefined,
      medium: dueMediumHours === null ? `Enter whole hours from 1 to ${LIMITS.medium}.` : undefined,
    };
    setFieldErrors(problems);
    if (dueHighHours === null || dueMediumHours === null) return;
    await save.run(dueHighHours, dueMediumHours);
  }

  return (
    <Card>
      <CardHeader
        title="Rotation due times"
        description="How long a flagged secret may wait for its new value. New flags take these; flags already raised keep their due dates."
      />
      {!loaded && !error && (
        <p role="status" className="text-sm text-stone-500">
          Loading…
        </p>
      )}
      {loaded && (
        <form
          className="grid max-w-lg gap-4 sm:grid-cols-2"
          onSubmit={(event) => void onSubmit(event)}
          noValidate
        >
          <Field
            label="High priority, due within (hours)"
            inputMode="numeric"
            value={high}
            onChange={(event) => setTyped({ ...typed, high: event.target.value })}
            error={fieldErrors.high}
            hint="Revealed or copied by someone who left, or a lockdown. Default 24."
          />
          <Field
            label="Medium priority, due within (hours)"
            inputMode="numeric"
            value={medium}
            onChange={(event) => setTyped({ ...typed, medium: event.target.value })}
            error={fieldErrors.medium}
            hint="Could be decrypted, or an interval passed. Default 72."
          />
          <div className="sm:col-span-2">
            <Button type="submit" variant="secondary" busy={busy} busyLabel="Saving…">
              Save due times
            </Button>
          </div>
        </form>
      )}
      {error && <Alert className="mt-4">{error}</Alert>}
      {saved && (
        <Alert tone="success" className="mt-4">
          Due times saved.
        </Alert>
      )}
    </Card>
  );
}
