"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { NewAccount } from "@/lib/api/account";
import { ApiError, errorMessage } from "@/lib/client/api";
import { saveSecretKey } from "@/lib/client/secret-key-store";
import { wipe } from "@/lib/client/auth";
import {
  createAccountKeys,
  signInNewAccount,
  type CreatedAccount,
} from "@/lib/client/session-flows";

export type CreationPhase = "form" | "deriving" | "saving" | "kit" | "continuing";

export type FieldErrors = Record<string, string>;

/**
 * Shared by setup and invite sign-up: make the keys, post the account, show the Emergency Kit,
 * and only then sign in. Keys stay in a ref (not state) so they never reach React dev tooling
 * or a re-render snapshot, and are wiped if the person leaves without continuing.
 */
export function useAccountCreation(fieldForApiField: (field: string) => string | undefined) {
  const router = useRouter();
  const [phase, setPhase] = useState<CreationPhase>("form");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [kit, setKit] = useState<{ email: string; secretKey: string } | null>(null);
  const created = useRef<CreatedAccount | null>(null);

  // Leaving the page before Continue: the unused keys are wiped, the kit stays the only copy.
  useEffect(
    () => () => {
      const result = created.current;
      if (!result) return;
      wipe(
        result.loginPrivateKey,
        result.keyring.userKey,
        result.keyring.boxKeyPair.privateKey,
        result.keyring.signKeyPair.privateKey,
      );
      created.current = null;
    },
    [],
  );

  async function create(
    input: { email: string; name: string; password: string },
    post: (account: NewAccount) => Promise<void>,
  ) {
    setError(null);
    setFieldErrors({});
    setPhase("deriving");
    try {
      const result = await createAccountKeys(input);
      setPhase("saving");
      await post(result.account);
      created.current = result;
      // Stored right away: this device stays trusted even if the tab closes before Continue.
      await saveSecretKey(result.account.email, result.formattedSecretKey);
      setKit({ email: result.account.email, secretKey: result.formattedSecretKey });
      setPhase("kit");
    } catch (caught) {
      const field =
        caught instanceof ApiError && caught.field ? fieldForApiField(caught.field) : undefined;
      if (field) setFieldErrors({ [field]: errorMessage(caught) });
      else setError(errorMessage(caught));
      setPhase("form");
    }
  }

  async function continueToApp() {
    const result = created.current;
    if (!result) return;
    setError(null);
    setPhase("continuing");
    try {
      await signInNewAccount(result);
      created.current = null;
      router.push("/home");
    } catch (caught) {
      setError(errorMessage(caught));
      setPhase("kit");
    }
  }

  return {
    phase,
    error,
    setError,
    fieldErrors,
    setFieldErrors,
    kit,
    create,
    continueToApp,
  };
}
