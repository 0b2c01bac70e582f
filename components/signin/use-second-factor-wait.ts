"use client";

import { useCallback, useRef, useState } from "react";
import { signOut } from "@/lib/client/auth";
import type { MfaStatusResponse } from "@/lib/api/mfa";

/** The sign-in waits on this while the person deals with their security key. */
interface PendingSecondFactor {
  status: MfaStatusResponse;
  resolve: () => void;
  reject: (reason: Error) => void;
}

export class SignInCancelled extends Error {
  constructor() {
    super("Sign-in cancelled.");
    this.name = "SignInCancelled";
  }
}

/**
 * The sign-in flow asks for a second factor by awaiting `waitFor(status)`; the step on screen
 * settles that promise with `finish` or `cancel` (which signs out and rejects with
 * SignInCancelled).
 */
export function useSecondFactorWait() {
  const [asked, setAsked] = useState<MfaStatusResponse | null>(null);
  const pendingRef = useRef<PendingSecondFactor | null>(null);

  const take = useCallback(() => {
    const pending = pendingRef.current;
    pendingRef.current = null;
    setAsked(null);
    return pending;
  }, []);

  const waitFor = useCallback(
    (status: MfaStatusResponse) =>
      new Promise<void>((resolve, reject) => {
        pendingRef.current = { status, resolve, reject };
        setAsked(status);
      }),
    [],
  );

  const finish = useCallback(() => take()?.resolve(), [take]);

  const cancel = useCallback(async () => {
    await signOut();
    take()?.reject(new SignInCancelled());
  }, [take]);

  return { asked, waitFor, finish, cancel };
}
