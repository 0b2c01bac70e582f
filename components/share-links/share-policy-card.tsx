"use client";

import { useCallback, useState, type FormEvent } from "react";
import { SHARE_EXPIRY_MAX_SECONDS, type ShareLinkPolicyDto } from "@/lib/api/share-link";
import { EXPIRY_PRESETS } from "@/lib/client/share-link-options";
import { shareLinksApi } from "@/lib/client/share-links";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { useAction } from "@/components/ui/use-action";
import { useResource } from "@/components/ui/use-resource";
import { SelectField } from "@/components/vaults/select-field";

/** The org's rules for share links (admins): whether they exist at all, how long, passphrase. */
export function SharePolicyCard() {
  const load = useCallback(() => shareLinksApi.policy(), []);
  const policy = useResource(load);
  return (
    <Card>
      <CardHeader
        title="Share links"
        description="Whether people may hand secrets to outsiders by one-time link, for how long, and whether every link needs a passphrase. Links already made keep their expiry."
      />
      {policy.error && <Alert>{policy.error}</Alert>}
      {!policy.data && !policy.error && (
        <p role="status" className="text-sm text-stone-500">
          Loading…
        </p>
      )}
      {policy.data && <PolicyForm initial={policy.data} />}
    </Card>
  );
}

function PolicyForm({ initial }: { initial: ShareLinkPolicyDto }) {
  const [draft, setDraft] = useState(initial);
  const [saved, setSaved] = useState(false);
  const save = useAction(
    useCallback(async (policy: ShareLinkPolicyDto) => {
      setDraft(await shareLinksApi.savePolicy(policy));
      setSaved(true);
    }, []),
  );
  const change = (changes: Partial<ShareLinkPolicyDto>) => {
    setSaved(false);
    setDraft({ ...draft, ...changes });
  };
  const choices = EXPIRY_PRESETS.filter((preset) => preset.seconds <= SHARE_EXPIRY_MAX_SECONDS);
  const known = choices.some((choice) => choice.seconds === draft.maxExpirySeconds);
  const options = [
    ...(known
      ? []
      : [{ value: String(draft.maxExpirySeconds), label: `${draft.maxExpirySeconds} seconds` }]),
    ...choices.map((choice) => ({ value: String(choice.seconds), label: choice.label })),
  ];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void save.run(draft);
  }

  return (
    <form className="max-w-lg space-y-4" onSubmit={submit} noValidate>
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={draft.linksAllowed}
          onChange={(event) => change({ linksAllowed: event.target.checked })}
        />
        <span>
          <span className="block font-medium text-stone-800">Allow share links</span>
          <span className="text-stone-500">
            Turning them off stops new links; links already made still open until they end. Revoke
            those from the list below.
          </span>
        </span>
      </label>
      <SelectField
        label="Longest expiry"
        value={String(draft.maxExpirySeconds)}
        onChange={(value) => change({ maxExpirySeconds: Number(value) })}
        options={options}
        disabled={!draft.linksAllowed}
        error={save.error?.field === "maxExpirySeconds" ? save.error.message : null}
      />
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={draft.passphraseRequired}
          disabled={!draft.linksAllowed}
          onChange={(event) => change({ passphraseRequired: event.target.checked })}
        />
        <span>
          <span className="block font-medium text-stone-800">Require a passphrase</span>
          <span className="text-stone-500">
            The link alone then opens nothing: a link forwarded or left in a chat is not enough.
          </span>
        </span>
      </label>
      {save.error && save.error.field !== "maxExpirySeconds" && <Alert>{save.error.message}</Alert>}
      {saved && <Alert tone="success">Saved. New links follow these rules.</Alert>}
      <Button type="submit" busy={save.pending} busyLabel="Saving…">
        Save link rules
      </Button>
    </form>
  );
}
