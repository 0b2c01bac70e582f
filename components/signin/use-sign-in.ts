"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from "react";
import { getSodium } from "@/lib/crypto";
import { SignInError } from "@/lib/client/auth";
import { loadSecretKey } from "@/lib/client/secret-key-store";
import { prepareKeyDerivation } from "@/lib/client/kdf-runner";
import { signInAndUnlock } from "@/lib/client/session-flows";
import { useAction } from "@/components/ui/use-action";
import { looksLikeEmail } from "@/components/password-fields";
import { secretKeyProblem } from "./secret-key-problem";
import { SignInCancelled, useSecondFactorWait } from "./use-second-factor-wait";

type StoredKey = "unknown" | "present" | "absent";

export type SignInField = "email" | "password" | "secretKey";

interface Credentials {
  email: string;
  password: string;
  secretKeyText?: string;
}

/**
 * The sign-in form's state: what was typed, whether this device holds the Secret Key, the
 * checks before anything is derived, and the sign-in itself (with a second factor if asked).
 * `passwordRef` is the password input, selected again after a wrong password.
 */
export function useSignIn(passwordRef: RefObject<HTMLInputElement | null>) {
  const router = useRouter();
  const [email, setEmailText] = useState("");
  const [password, setPassword] = useState("");
  const [secretKeyText, setSecretKeyText] = useState("");
  const [storedKey, setStoredKey] = useState<StoredKey>("unknown");
  const [replaceKey, setReplaceKey] = useState(false);
  const [problems, setProblems] = useState<Partial<Record<SignInField, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  // Past the key step the KDF is long done: the progress bar would only mislead.
  const [keyStepDone, setKeyStepDone] = useState(false);
  // The action ends when the next page is asked for; the form stays disabled while it loads.
  const [leaving, setLeaving] = useState(false);
  const [wrongAttempts, setWrongAttempts] = useState(0);
  const secondFactor = useSecondFactorWait();
  const { waitFor } = secondFactor;

  const signIn = useCallback(
    async (credentials: Credentials) => {
      setKeyStepDone(false);
      try {
        await signInAndUnlock({ ...credentials, secondFactor: waitFor });
      } catch (caught) {
        if (caught instanceof SignInCancelled) {
          setPassword("");
          setNotice("Sign-in cancelled. You are signed out.");
          return;
        }
        // The likeliest typo is the password: keep everything, put the cursor back there.
        if (caught instanceof SignInError && caught.reason === "wrong-credentials") {
          setWrongAttempts((count) => count + 1);
        }
        throw caught;
      }
      setLeaving(true);
      router.push("/home");
    },
    [router, waitFor],
  );
  const action = useAction(signIn);
  const busy = action.pending || leaving;

  useEffect(() => {
    prepareKeyDerivation();
  }, []);

  // The password is selected once per wrong attempt, after the inputs are enabled again.
  const selectedFor = useRef(0);
  useEffect(() => {
    if (busy || wrongAttempts === selectedFor.current) return;
    selectedFor.current = wrongAttempts;
    passwordRef.current?.select();
  }, [busy, wrongAttempts, passwordRef]);

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

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    action.clearError();
    setNotice(null);
    const found: Partial<Record<SignInField, string>> = {};
    if (!looksLikeEmail(email)) found.email = "Enter the email address of your account.";
    if (!password) found.password = "Enter your master password.";
    // The stored key is decided here, not from the debounced lookup, so a fast typist who
    // presses Enter at once still gets the right question.
    const stored = looksLikeEmail(email) ? await loadSecretKey(email) : null;
    const needsKey = replaceKey || !stored;
    if (needsKey) {
      setStoredKey("absent");
      await getSodium();
      const problem = secretKeyProblem(secretKeyText);
      if (problem && (secretKeyText.trim() || !found.email)) found.secretKey = problem;
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    await action.run({ email, password, secretKeyText: needsKey ? secretKeyText : undefined });
  }

  const failedField = action.error?.field as SignInField | undefined;
  const inputs: SignInField[] = ["email", "password", "secretKey"];
  const onInput = failedField !== undefined && inputs.includes(failedField);

  return {
    email,
    setEmail(value: string) {
      setEmailText(value);
      setStoredKey("unknown");
    },
    password,
    setPassword,
    secretKeyText,
    setSecretKeyText,
    storedKey,
    replaceKey,
    useDifferentKey: () => setReplaceKey(true),
    askForSecretKey: storedKey === "absent" || replaceKey,
    busy,
    deriving: busy && !keyStepDone,
    notice,
    /** An error of the whole form; one the server tied to an input is shown under that input. */
    error: onInput ? null : (action.error?.message ?? null),
    fieldError: (field: SignInField) =>
      problems[field] ?? (onInput && failedField === field ? action.error?.message : undefined),
    secondFactor: {
      asked: secondFactor.asked,
      finish() {
        setKeyStepDone(true);
        secondFactor.finish();
      },
      cancel: secondFactor.cancel,
    },
    submit,
  };
}
