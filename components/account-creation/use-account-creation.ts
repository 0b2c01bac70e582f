"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { NewAccount } from "@/lib/api/account";
import { saveSecretKey } from "@/lib/client/secret-key-store";
import { wipe } from "@/lib/client/auth";
import {
  createAccountKeys,
  signInNewAccount,
  type CreatedAccount,
} from "@/lib/client/session-flows";
import { useAction } from "@/components/ui/use-action";

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

  // The phase says which step runs; each step's failure is kept by its action.
  const creating = useAction(
    useCallback(
      async (
        input: { email: string; name: string; password: string },
        post: (account: NewAccount) => Promise<void>,
      ) => {
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
          setPhase("form");
          throw caught;
        }
      },
      [],
    ),
  );

  const continuing = useAction(
    useCallback(async () => {
      const result = created.current;
      if (!result) return;
      setPhase("continuing");
      try {
        await signInNewAccount(result);
      } catch (caught) {
        setPhase("kit");
        throw caught;
      }
      created.current = null;
      router.push("/home");
    }, [router]),
  );

  // A server error that names an input is shown under it; any other above the button.
  const failedField = creating.error?.field ? fieldForApiField(creating.error.field) : undefined;
  const shownFieldErrors =
    failedField && creating.error
      ? { ...fieldErrors, [failedField]: creating.error.message }
      : fieldErrors;
  const error = continuing.error?.message ?? (failedField ? null : creating.error?.message) ?? null;

  return {
    phase,
    error,
    /** The form clears the last failure as it checks its inputs again. */
    setError(message: null) {
      if (message !== null) return;
      creating.clearError();
      continuing.clearError();
    },
    fieldErrors: shownFieldErrors,
    setFieldErrors,
    kit,
    create: creating.run,
    continueToApp: continuing.run,
  };
}
