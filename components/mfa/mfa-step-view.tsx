"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import type { MfaStatusResponse } from "@/lib/api/mfa";
import { signOut } from "@/lib/client/auth";
import { lock } from "@/lib/client/keyring";
import type { ShellAccount } from "../app-shell";
import { Brand } from "../brand";
import { Button } from "../ui/button";
import { SecondFactorStep } from "./second-factor-step";

/** The /mfa page: the second-factor step alone, with a way out. */
export function MfaStepView({
  account,
  status,
}: {
  account: ShellAccount;
  status: Pick<MfaStatusResponse, "state" | "compliant">;
}) {
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);

  // Keys already in memory (a newcomer straight from sign-up) stay: home opens unlocked.
  const onDone = useCallback(() => router.push("/home"), [router]);

  async function onSignOut() {
    setSigningOut(true);
    lock();
    await signOut();
    // A full page load, not router.push: it drops every JavaScript object that held keys.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/signin");
  }

  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center gap-4 px-4 py-3 sm:px-6">
          <Brand />
          <div className="ml-auto flex items-center gap-3">
            <span className="hidden text-right text-xs leading-tight text-stone-500 sm:block">
              <span className="block font-medium text-stone-800">{account.name}</span>
              {account.email}
            </span>
            <Button
              variant="ghost"
              size="sm"
              onClick={onSignOut}
              busy={signingOut}
              busyLabel="Signing out…"
            >
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <main className="flex-1 px-4 py-10">
        <div className="mx-auto w-full max-w-md">
          <SecondFactorStep status={status} email={account.email} onDone={onDone} />
        </div>
      </main>
    </div>
  );
}
