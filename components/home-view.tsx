"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { fingerprintHex, fingerprintWords, toBase64Url, type PublicBundle } from "@/lib/crypto";
import { isAdminRole, type ShellAccount } from "./app-shell";
import { useKeyring } from "./keyring-provider";
import { MfaGraceNotice } from "./mfa/mfa-grace-notice";
import { TasksPanel } from "./tasks/tasks-panel";
import { Card } from "./ui/card";
import { roleLabels } from "./people/role-labels";

export function HomeView({ account }: { account: ShellAccount }) {
  const keyring = useKeyring();
  if (!keyring) return null;

  const bundle: PublicBundle = {
    userId: keyring.userId,
    email: keyring.email,
    signPublicKey: toBase64Url(keyring.signKeyPair.publicKey),
    boxPublicKey: toBase64Url(keyring.boxKeyPair.publicKey),
  };
  const firstName = account.name.split(/\s+/)[0] || account.name;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-stone-900 sm:text-3xl">Welcome, {firstName}</h1>
        <p className="mt-1 text-stone-600">
          You are signed in to {account.organizationName}. Your keys are unlocked in this tab only.
        </p>
      </div>

      <MfaGraceNotice />

      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Organisation" value={account.organizationName} />
        <Stat label="Your role" value={roleLabels[account.role]} />
        <Stat label="Signed in as" value={account.email} />
      </div>

      <TasksPanel />

      <Card>
        <h2 className="text-lg font-semibold text-stone-900">Your key fingerprint</h2>
        <p className="mt-1 max-w-2xl text-sm text-stone-600">
          This identifies your public keys. Before someone shares a vault with you, they compare it
          with you in person or on a call, so nobody (not even the server) can slip in a key of
          their own.
        </p>
        <p
          data-testid="fingerprint"
          className="mt-4 rounded-lg bg-stone-50 px-4 py-3 font-mono text-sm tracking-wide break-words text-stone-900 ring-1 ring-stone-200 sm:text-base"
        >
          {fingerprintHex(bundle)}
        </p>
        <p className="mt-3 text-sm text-stone-600">
          <span className="text-stone-500">Or read aloud: </span>
          <span className="font-medium text-stone-800">{fingerprintWords(bundle).join(" ")}</span>
        </p>
      </Card>

      <Card>
        <h2 className="text-lg font-semibold text-stone-900">Next steps</h2>
        <ul className="mt-3 space-y-3 text-sm text-stone-700">
          <Step>
            Keep your team&apos;s secrets in{" "}
            <Link href="/vaults" className="font-medium text-stone-900 underline">
              Vaults
            </Link>
            : create one, then share it after comparing fingerprints.
          </Step>
          <Step>
            Keep your Emergency Kit somewhere safe. This device can download it again from Settings.
          </Step>
          <Step>
            Choose how soon this device locks itself when you step away, also in Settings.
          </Step>
          {isAdminRole(account.role) && (
            <Step>Invite your team from the People page. Each invite link works once.</Step>
          )}
        </ul>
      </Card>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-2xl border border-stone-200 bg-white px-5 py-4 shadow-sm">
      <p className="text-xs font-semibold tracking-wide text-stone-500 uppercase">{label}</p>
      <p className="mt-1 truncate font-medium text-stone-900" title={value}>
        {value}
      </p>
    </div>
  );
}

function Step({ children }: { children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <span className="mt-1.5 size-1.5 shrink-0 rounded-full bg-amber-500" aria-hidden="true" />
      <span>{children}</span>
    </li>
  );
}
