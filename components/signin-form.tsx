"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { getSodium, parseSecretKey, SecretKeyFormatError } from "@/lib/crypto";
import { errorMessage } from "@/lib/client/api";
import { SignInError, signOut } from "@/lib/client/auth";
import { loadSecretKey } from "@/lib/client/secret-key-store";
import { prepareKeyDerivation } from "@/lib/client/kdf-runner";
import { signInAndUnlock } from "@/lib/client/session-flows";
import type { MfaStatusResponse } from "@/lib/api/mfa";
import { email as emailSchema } from "@/lib/api/common";
import { maxLengthOf } from "@/lib/api/issue-sentence";
import { KdfProgress } from "./kdf-progress";
import { SecondFactorStep } from "./mfa/second-factor-step";
import { looksLikeEmail } from "./password-fields";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Card } from "./ui/card";
import { Field } from "./ui/field";

const emailLimit = maxLengthOf(emailSchema);

type StoredKey = "unknown" | "present" | "absent";

/** The sign-in waits on this while the person deals with their security key. */
interface PendingSecondFactor {
  status: MfaStatusResponse;
  resolve: () => void;
  reject: (reason: Error) => void;
}

class SignInCancelled extends Error {
  constructor() {
    super("Sign-in cancelled.");
    this.name = "SignInCancelled";
  }
}

/** Turns a Secret Key parse failure into a sentence for the field. */
export function secretKeyProblem(text: string): string | null {
  if (!text.trim()) return "Enter the Secret Key from your Emergency Kit.";
  try {
    parseSecretKey(text);
    return null;
  } catch (error) {
    if (error instanceof SecretKeyFormatError) {
      return `That Secret Key is not valid: ${error.message.replace(/^invalid secret key: /, "")}.`;
    }
    return "That Secret Key is not valid.";
  }
}

export function SignInForm({ expired }: { expired: boolean }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [secretKeyText, setSecretKeyText] = useState("");
  const [storedKey, setStoredKey] = useState<StoredKey>("unknown");
  const [replaceKey, setReplaceKey] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const passwordRef = useRef<HTMLInputElement>(null);
  const [wrongAttempts, setWrongAttempts] = useState(0);
  const [secondFactor, setSecondFactor] = useState<PendingSecondFactor | null>(null);
  const pendingRef = useRef<PendingSecondFactor | null>(null);
  // Past the key step the KDF is long done: the progress bar would only mislead.
  const [keyStepDone, setKeyStepDone] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const takePending = useCallback(() => {
    const pending = pendingRef.current;
    pendingRef.current = null;
    setSecondFactor(null);
    return pending;
  }, []);

  const finishSecondFactor = useCallback(() => {
    setKeyStepDone(true);
    takePending()?.resolve();
  }, [takePending]);

  const cancelSecondFactor = useCallback(async () => {
    await signOut();
    takePending()?.reject(new SignInCancelled());
  }, [takePending]);

  // After a wrong password the inputs are re-enabled first, then the password is selected.
  useEffect(() => {
    prepareKeyDerivation();
  }, []);

  useEffect(() => {
    if (wrongAttempts > 0) passwordRef.current?.select();
  }, [wrongAttempts]);

  // Which devices hold a Secret Key is a per-email question: look it up as the email settles.
  useEffect(() => {
    if (!looksLikeEmail(email)) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void loadSecretKey(email).then((stored) => {
        if (!cancelled) setStoredKey(stored ? "present" : "absent");
      });
    }, 200);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [email]);

  const askForSecretKey = storedKey === "absent" || replaceKey;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setNotice(null);
    const problems: Record<string, string> = {};
    if (!looksLikeEmail(email)) problems.email = "Enter the email address of your account.";
    if (!password) problems.password = "Enter your master password.";
    // The stored key is decided here, not from the debounced lookup, so a fast typist who
    // presses Enter at once still gets the right question.
    const stored = looksLikeEmail(email) ? await loadSecretKey(email) : null;
    const needsKey = replaceKey || !stored;
    if (needsKey) {
      setStoredKey("absent");
      await getSodium();
      const problem = secretKeyProblem(secretKeyText);
      if (problem && (secretKeyText.trim() || !problems.email)) problems.secretKey = problem;
    }
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) return;

    setBusy(true);
    setKeyStepDone(false);
    try {
      await signInAndUnlock({
        email,
        password,
        secretKeyText: needsKey ? secretKeyText : undefined,
        secondFactor: (status) =>
          new Promise<void>((resolve, reject) => {
            pendingRef.current = { status, resolve, reject };
            setSecondFactor(pendingRef.current);
          }),
      });
      router.push("/home");
    } catch (caught) {
      setBusy(false);
      if (caught instanceof SignInCancelled) {
        setPassword("");
        setNotice("Sign-in cancelled. You are signed out.");
        return;
      }
      if (caught instanceof SignInError && caught.reason === "wrong-credentials") {
        setError(caught.message);
        // The likeliest typo is the password: keep everything, put the cursor back there.
        setWrongAttempts((count) => count + 1);
        return;
      }
      setError(errorMessage(caught));
    }
  }

  if (secondFactor) {
    return (
      <div className="mx-auto w-full max-w-md">
        <SecondFactorStep
          status={secondFactor.status}
          email={email}
          onDone={finishSecondFactor}
          onCancel={cancelSecondFactor}
        />
      </div>
    );
  }

  return (
    <div className="mx-auto w-full max-w-md">
      <div className="mb-6 text-center">
        <h1 className="text-2xl font-semibold text-stone-900">Sign in to Coffer</h1>
        <p className="mt-2 text-sm text-stone-600">
          Your master password unlocks your keys in this browser. It is never sent anywhere.
        </p>
      </div>
      <Card>
        <form className="space-y-5" onSubmit={onSubmit} noValidate>
          {expired && !error && !notice && (
            <Alert tone="info">Your session ended. Sign in again.</Alert>
          )}
          {notice && <Alert tone="info">{notice}</Alert>}
          <Field
            label="Email"
            type="email"
            autoComplete="username"
            required
            maxLength={emailLimit}
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              setStoredKey("unknown");
            }}
            error={fieldErrors.email}
            disabled={busy}
            autoFocus
          />
          <Field
            ref={passwordRef}
            label="Master password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fieldErrors.password}
            disabled={busy}
          />
          {askForSecretKey && (
            <Field
              label="Secret Key"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              placeholder="C1-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XX"
              className="[&_input]:font-mono"
              value={secretKeyText}
              onChange={(event) => setSecretKeyText(event.target.value)}
              error={fieldErrors.secretKey}
              disabled={busy}
              hint={
                replaceKey
                  ? "Paste the Secret Key from your Emergency Kit. After you sign in, it replaces the one saved on this device."
                  : "This device has not seen your Secret Key yet: paste it from your Emergency Kit. Coffer remembers it on this device afterwards."
              }
            />
          )}
          {storedKey === "present" && !replaceKey && (
            <p className="text-xs text-stone-500">
              Your Secret Key is saved on this device.{" "}
              <button
                type="button"
                className="font-medium text-stone-700 underline hover:text-stone-900"
                onClick={() => setReplaceKey(true)}
              >
                Use a different one
              </button>
            </p>
          )}
          {busy && !keyStepDone && <KdfProgress />}
          {error && <Alert>{error}</Alert>}
          <Button type="submit" className="w-full" busy={busy} busyLabel="Signing in…">
            Sign in
          </Button>
        </form>
      </Card>
      <p className="mt-6 text-center text-xs text-stone-500">
        New here? Ask an admin of your organisation for an invite link.
      </p>
    </div>
  );
}
