"use client";

import { useRef, useState, type FormEvent } from "react";
import { recoveryCode, type MfaStatusResponse } from "@/lib/api/mfa";
import { confirmWithKey, confirmWithRecoveryCode } from "@/lib/client/mfa";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Field } from "../ui/field";
import { keyErrorMessage } from "./key-error";
import { stopKeyPrompt } from "./stop-key-prompt";

type Busy = "key" | "code" | "cancel" | null;

/**
 * The second factor of a sign-in: a security key, or one recovery code when the key is lost.
 * The key prompt starts only when the person presses the button, so a browser dialog never
 * appears out of nowhere.
 */
export function ConfirmSecondFactor({
  onConfirmed,
  onCancel,
}: {
  onConfirmed: (status: MfaStatusResponse) => void;
  /** Signs the half-finished sign-in out; without it there is no Cancel here. */
  onCancel?: () => Promise<void> | void;
}) {
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [showRecovery, setShowRecovery] = useState(false);
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string | null>(null);
  const keyButtonRef = useRef<HTMLButtonElement>(null);
  // Set when the person stops the key prompt themselves: their choice, not a failure.
  const stoppedRef = useRef(false);
  const promptRef = useRef<Promise<unknown> | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  async function confirmKey() {
    if (busy) return;
    setBusy("key");
    setError(null);
    stoppedRef.current = false;
    const prompt = confirmWithKey();
    promptRef.current = prompt;
    try {
      onConfirmed(await prompt);
    } catch (caught) {
      setError(
        stoppedRef.current
          ? "Stopped waiting for your security key. Try again, or use a recovery code."
          : keyErrorMessage(caught),
      );
      setBusy(null);
      // The button was disabled while waiting, which dropped the focus: give it back.
      window.setTimeout(() => keyButtonRef.current?.focus(), 0);
    }
  }

  async function submitCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    const parsed = recoveryCode.safeParse(code);
    if (!code.trim() || !parsed.success) {
      setCodeError("Enter one of your recovery codes: four groups of four letters and digits.");
      codeRef.current?.focus();
      return;
    }
    setCodeError(null);
    setBusy("code");
    try {
      onConfirmed(await confirmWithRecoveryCode(parsed.data));
    } catch (caught) {
      // An alert, not a field hint: a refused code should be announced, not just shown.
      setError(keyErrorMessage(caught));
      setBusy(null);
      window.setTimeout(() => codeRef.current?.select(), 0);
    }
  }

  function stopWaiting() {
    stoppedRef.current = true;
    if (promptRef.current) stopKeyPrompt(promptRef.current);
  }

  async function cancel() {
    if (!onCancel) return;
    setBusy("cancel");
    await onCancel();
  }

  return (
    <Card>
      <h1 className="text-xl font-semibold text-stone-900">Confirm it&apos;s you</h1>
      <p className="mt-2 text-sm text-stone-600">
        Insert or touch your security key to finish signing in.
      </p>
      <div className="mt-5 space-y-4">
        {error && <Alert>{error}</Alert>}
        <Button
          ref={keyButtonRef}
          className="w-full"
          onClick={confirmKey}
          busy={busy === "key"}
          busyLabel="Waiting for your security key…"
          disabled={busy !== null}
          autoFocus
        >
          Use security key
        </Button>
        {busy === "key" ? (
          <Button variant="secondary" className="w-full" onClick={stopWaiting} autoFocus>
            Stop waiting
          </Button>
        ) : showRecovery ? (
          <form className="space-y-3 border-t border-stone-200 pt-4" onSubmit={submitCode}>
            <Field
              ref={codeRef}
              label="Recovery code"
              autoComplete="one-time-code"
              spellCheck={false}
              autoCapitalize="characters"
              placeholder="XXXX-XXXX-XXXX-XXXX"
              className="[&_input]:font-mono"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              error={codeError}
              disabled={busy !== null}
              hint="Each code works once. Making new ones from Settings afterwards is a good idea."
              autoFocus
            />
            <Button
              type="submit"
              variant="secondary"
              className="w-full"
              busy={busy === "code"}
              busyLabel="Checking…"
              disabled={busy !== null}
            >
              Confirm
            </Button>
          </form>
        ) : (
          <Button
            variant="secondary"
            className="w-full"
            onClick={() => setShowRecovery(true)}
            disabled={busy !== null}
          >
            Use a recovery code
          </Button>
        )}
        {onCancel && (
          <Button
            variant="ghost"
            className="w-full"
            onClick={cancel}
            busy={busy === "cancel"}
            busyLabel="Signing out…"
            disabled={busy !== null}
          >
            Cancel
          </Button>
        )}
      </div>
    </Card>
  );
}
