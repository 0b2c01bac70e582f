"use client";

import { useRef } from "react";
import { email as emailSchema } from "@/lib/api/common";
import { maxLengthOf } from "@/lib/api/issue-sentence";
import { KdfProgress } from "@/components/kdf-progress";
import { SecondFactorStep } from "@/components/mfa/second-factor-step";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { useSignIn } from "./use-sign-in";

const emailLimit = maxLengthOf(emailSchema);

export function SignInForm({ expired }: { expired: boolean }) {
  const passwordRef = useRef<HTMLInputElement>(null);
  const form = useSignIn(passwordRef);
  const { busy, error, notice } = form;

  if (form.secondFactor.asked) {
    return (
      <div className="mx-auto w-full max-w-md">
        <SecondFactorStep
          status={form.secondFactor.asked}
          email={form.email}
          onDone={form.secondFactor.finish}
          onCancel={form.secondFactor.cancel}
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
        <form className="space-y-5" onSubmit={(event) => void form.submit(event)} noValidate>
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
            value={form.email}
            onChange={(event) => form.setEmail(event.target.value)}
            error={form.fieldError("email")}
            disabled={busy}
            autoFocus
          />
          <Field
            ref={passwordRef}
            label="Master password"
            type="password"
            autoComplete="current-password"
            required
            value={form.password}
            onChange={(event) => form.setPassword(event.target.value)}
            error={form.fieldError("password")}
            disabled={busy}
          />
          {form.askForSecretKey && (
            <Field
              label="Secret Key"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              placeholder="C1-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XX"
              className="[&_input]:font-mono"
              value={form.secretKeyText}
              onChange={(event) => form.setSecretKeyText(event.target.value)}
              error={form.fieldError("secretKey")}
              disabled={busy}
              hint={
                form.replaceKey
                  ? "Paste the Secret Key from your Emergency Kit. After you sign in, it replaces the one saved on this device."
                  : "This device has not seen your Secret Key yet: paste it from your Emergency Kit. Coffer remembers it on this device afterwards."
              }
            />
          )}
          {form.storedKey === "present" && !form.replaceKey && (
            <p className="text-xs text-stone-500">
              Your Secret Key is saved on this device.{" "}
              <button
                type="button"
                className="font-medium text-stone-700 underline hover:text-stone-900"
                onClick={form.useDifferentKey}
              >
                Use a different one
              </button>
            </p>
          )}
          {form.deriving && <KdfProgress />}
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
