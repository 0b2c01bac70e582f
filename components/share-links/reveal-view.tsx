"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { KdfProgress } from "@/components/kdf-progress";
import { RevealedSecret } from "./revealed-secret";
import { useShareReveal } from "./use-share-reveal";

/** One sentence for used, expired and revoked alike: which one it was is nobody's business. */
export const LINK_GONE = "This link has already been used, has expired or was revoked.";

export function RevealView() {
  const { phase, reveal, submitPassphrase } = useShareReveal();

  return (
    <Card className="mx-auto max-w-xl">
      <h1 className="text-xl font-semibold text-stone-900">
        {phase.kind === "revealed" ? "The shared secret" : "Someone shared a secret with you"}
      </h1>
      <div className="mt-4">
        {phase.kind === "reading" && (
          <p role="status" className="text-sm text-stone-500">
            Reading the link…
          </p>
        )}
        {phase.kind === "incomplete" && (
          <Alert title="This link is incomplete">
            The part after # is missing or damaged. Ask the sender for the link again and open it
            whole, with nothing cut off.
          </Alert>
        )}
        {phase.kind === "ready" && (
          <div className="space-y-4">
            <p className="text-sm text-stone-600">
              It was encrypted on the sender’s device and only this page can decrypt it. The link
              works a limited number of times: revealing it may use it up, so be ready to copy or
              save the secret.
            </p>
            {phase.error && <Alert>{phase.error}</Alert>}
            <Button onClick={() => void reveal()} busy={phase.busy} busyLabel="Opening…">
              Reveal
            </Button>
          </div>
        )}
        {phase.kind === "passphrase" && (
          <PassphraseForm
            key={phase.attempt}
            busy={phase.busy}
            error={phase.error}
            onSubmit={(passphrase) => submitPassphrase(passphrase, phase.kdf)}
          />
        )}
        {phase.kind === "gone" && <Alert title={LINK_GONE}>Ask the sender for a new link.</Alert>}
        {phase.kind === "revealed" && (
          <RevealedSecret payload={phase.payload} viewsLeft={phase.viewsLeft} />
        )}
      </div>
    </Card>
  );
}

function PassphraseForm({
  busy,
  error,
  onSubmit,
}: {
  busy: boolean;
  error: string | null;
  onSubmit: (passphrase: string) => Promise<void>;
}) {
  const [passphrase, setPassphrase] = useState("");
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
  }, [error]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (passphrase.length === 0) return setMissing(true);
    setMissing(false);
    void onSubmit(passphrase);
  }

  return (
    <form className="space-y-4" onSubmit={submit} noValidate>
      <p className="text-sm text-stone-600">
        The sender protected this link with a passphrase. They should have told you it separately.
      </p>
      <Field
        ref={input}
        label="Passphrase"
        type="password"
        autoComplete="off"
        value={passphrase}
        onChange={(event) => setPassphrase(event.target.value)}
        error={missing ? "Enter the passphrase the sender gave you." : error}
        disabled={busy}
      />
      {busy && <KdfProgress label="Deriving the key from the passphrase…" />}
      <Button type="submit" busy={busy} busyLabel="Checking…">
        Reveal
      </Button>
    </form>
  );
}
