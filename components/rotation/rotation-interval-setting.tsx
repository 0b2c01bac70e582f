"use client";

import { useCallback, useState, type FormEvent } from "react";
import { dateTime } from "@/lib/client/format";
import { rotationApi } from "@/lib/client/rotation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { useResource } from "@/components/ui/use-resource";
import { SelectField } from "@/components/vaults/select-field";

const PRESETS = [30, 60, 90, 180, 365];
const MAX_DAYS = 3650;

/**
 * "Flag for rotation every N days", for a vault (its managers) or one item (its editors).
 * An item without an interval of its own follows its vault's, so there "None" reads as the
 * vault's setting.
 */
export function RotationIntervalSetting({
  vaultId,
  itemId,
}: {
  vaultId: string;
  /** Set for one item's interval; absent for the vault's. */
  itemId?: string;
}) {
  const scope = itemId ? "item" : "vault";
  const load = useCallback(
    () => (itemId ? rotationApi.itemInterval(vaultId, itemId) : rotationApi.vaultInterval(vaultId)),
    [vaultId, itemId],
  );
  const interval = useResource(load);
  const loaded = interval.data;
  // What the person chose; until they choose, the inputs show the saved interval.
  const [chosen, setChoice] = useState<string | null>(null);
  const [typedCustom, setCustom] = useState<string | null>(null);
  const savedDays = loaded?.rotationIntervalDays ?? null;
  const savedIsCustom = savedDays !== null && !PRESETS.includes(savedDays);
  const choice = chosen ?? (savedDays === null ? "" : savedIsCustom ? "custom" : String(savedDays));
  const custom = typedCustom ?? (savedIsCustom ? String(savedDays) : "");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const { replace } = interval;
  const save = useAction(
    useCallback(
      async (days: number | null) => {
        replace(
          await (itemId
            ? rotationApi.setItemInterval(vaultId, itemId, days)
            : rotationApi.setVaultInterval(vaultId, days)),
        );
        setChoice(null);
        setCustom(null);
        setSaved(true);
      },
      [replace, vaultId, itemId],
    ),
  );
  const busy = save.pending;
  const error = save.error?.message ?? interval.error;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    setFieldError(null);
    let days: number | null = null;
    if (choice === "custom") {
      days = /^\d+$/.test(custom.trim()) ? Number(custom.trim()) : NaN;
      if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
        setFieldError(`Enter a whole number of days from 1 to ${MAX_DAYS}.`);
        return;
      }
    } else if (choice) {
      days = Number(choice);
    }
    await save.run(days);
  }

  if (error && !loaded) return <Alert>{error}</Alert>;
  if (!loaded) {
    return (
      <p role="status" className="text-sm text-stone-500">
        Loading the rotation interval…
      </p>
    );
  }
  const vaultDays = loaded.vaultRotationIntervalDays ?? null;
  const noneLabel =
    scope === "item" && vaultDays !== null ? `Same as the vault (${vaultDays} days)` : "None";

  return (
    <form className="grid max-w-lg gap-4" onSubmit={(event) => void onSubmit(event)} noValidate>
      <SelectField
        label="Flag for rotation every"
        value={choice}
        onChange={(value) => {
          setChoice(value);
          setSaved(false);
        }}
        options={[
          { value: "", label: noneLabel },
          ...PRESETS.map((days) => ({ value: String(days), label: `${days} days` })),
          { value: "custom", label: "Another number of days…" },
        ]}
      />
      {choice === "custom" && (
        <Field
          label="Number of days"
          inputMode="numeric"
          value={custom}
          onChange={(event) => setCustom(event.target.value)}
          error={fieldError}
        />
      )}
      {scope === "item" && (
        <p className="text-sm text-stone-600">
          {loaded.nextDueAt
            ? `Next due ${dateTime(loaded.nextDueAt)}, counted from the last new secret value.`
            : "No interval applies: this item is flagged only when someone leaves or in a lockdown."}
        </p>
      )}
      {error && <Alert>{error}</Alert>}
      {saved && <Alert tone="success">Rotation interval saved.</Alert>}
      <div>
        <Button type="submit" variant="secondary" busy={busy} busyLabel="Saving…">
          Save interval
        </Button>
      </div>
    </form>
  );
}
