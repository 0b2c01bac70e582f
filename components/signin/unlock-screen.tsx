"use client";

import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { getSodium } from "@/lib/crypto";
import { WrongPasswordError } from "@/lib/client/auth";
import { loadSecretKey } from "@/lib/client/secret-key-store";
import { prepareKeyDerivation } from "@/lib/client/kdf-runner";
import { unlockWithPassword } from "@/lib/client/session-flows";
import { KdfProgress } from "@/components/kdf-progress";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { secretKeyProblem } from "./secret-key-problem";

/**
 * Shown instead of the page while the keyring is empty (reload, idle lock, "Lock now"). The
 * server session is still alive, so unlocking only re-derives the AUK and unwraps the keys.
 */
export function UnlockScreen({
  email,
  userId,
  onSignOut,
}: {
  email: string;
  userId: string;
  onSignOut: () => void;
}) {
  const [password, setPassword] = useState("");
  const [secretKeyText, setSecretKeyText] = useState("");
  const [needsSecretKey, setNeedsSecretKey] = useState(false);
  const [problem, setProblem] = useState<{ text: string; on: "password" | "secretKey" } | null>(
    null,
  );
  const [attempt, setAttempt] = useState(0);
  const passwordRef = useRef<HTMLInputElement>(null);

  const unlock = useCallback(
    async (secretKey: string | undefined) => {
      try {
        await unlockWithPassword({ email, userId, password, secretKeyText: secretKey });
        return true;
      } catch (caught) {
        if (!(caught instanceof WrongPasswordError)) throw caught;
        setAttempt((count) => count + 1);
        throw new Error(
          secretKey === undefined
            ? "That master password is not correct."
            : "That master password is not correct. If you typed the Secret Key, check it too.",
        );
      }
    },
    [email, userId, password],
  );
  const action = useAction(unlock);
  // Once unlocked this screen gives way to the page; until then the form stays disabled.
  const [unlocked, setUnlocked] = useState(false);
  const busy = action.pending || unlocked;

  useEffect(() => {
    let cancelled = false;
    void loadSecretKey(email).then((stored) => {
      if (!cancelled) setNeedsSecretKey(!stored);
    });
    return () => {
      cancelled = true;
    };
  }, [email]);

  // The password is selected once per wrong attempt, after the inputs are enabled again.
  const selectedFor = useRef(0);
  useEffect(() => {
    if (busy || attempt === selectedFor.current) return;
    selectedFor.current = attempt;
    passwordRef.current?.select();
  }, [busy, attempt]);

  useEffect(() => {
    prepareKeyDerivation();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    action.clearError();
    setProblem(null);
    if (!password) {
      setProblem({ text: "Enter your master password.", on: "password" });
      return;
    }
    if (needsSecretKey) {
      await getSodium();
      const keyProblem = secretKeyProblem(secretKeyText);
      if (keyProblem) {
        setProblem({ text: keyProblem, on: "secretKey" });
        return;
      }
    }
    if (await action.run(needsSecretKey ? secretKeyText : undefined)) setUnlocked(true);
  }

  const error = problem?.on === "password" ? problem.text : action.error?.message;

  return (
    <div className="mx-auto w-full max-w-md py-10">
      <Card>
        <div className="mb-6 flex flex-col items-center text-center">
          <span className="mb-3 flex size-12 items-center justify-center rounded-full bg-amber-100 text-amber-700">
            <svg viewBox="0 0 24 24" className="size-6" fill="none" aria-hidden="true">
              <rect
                x="5"
                y="10"
                width="14"
                height="10"
                rx="2"
                stroke="currentColor"
                strokeWidth="1.8"
              />
              <path d="M8 10V7a4 4 0 1 1 8 0v3" stroke="currentColor" strokeWidth="1.8" />
            </svg>
          </span>
          <h1 className="text-xl font-semibold text-stone-900">Coffer is locked</h1>
          <p className="mt-1 text-sm text-stone-600">
            Enter the master password for{" "}
            <span className="font-medium text-stone-800">{email}</span> to unlock your keys.
          </p>
        </div>
        <form className="space-y-5" onSubmit={(event) => void onSubmit(event)} noValidate>
          <input type="email" autoComplete="username" value={email} readOnly hidden />
          <Field
            ref={passwordRef}
            label="Master password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            disabled={busy}
            autoFocus
          />
          {needsSecretKey && (
            <Field
              label="Secret Key"
              autoComplete="off"
              spellCheck={false}
              placeholder="C1-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XX"
              className="[&_input]:font-mono"
              value={secretKeyText}
              onChange={(event) => setSecretKeyText(event.target.value)}
              error={problem?.on === "secretKey" ? problem.text : null}
              disabled={busy}
              hint="Paste it from your Emergency Kit. Coffer remembers it on this device afterwards."
            />
          )}
          {busy && <KdfProgress />}
          {error && <Alert>{error}</Alert>}
          <Button type="submit" className="w-full" busy={busy} busyLabel="Unlocking…">
            Unlock
          </Button>
        </form>
        <div className="mt-5 text-center text-sm text-stone-600">
          Not you?{" "}
          <button
            type="button"
            onClick={onSignOut}
            className="font-medium text-stone-900 underline underline-offset-2 hover:text-stone-700"
          >
            Sign out
          </button>
        </div>
      </Card>
    </div>
  );
}
