"use client";

import Link from "next/link";
import type { SessionDto } from "@/lib/api/session";
import type { ShellAccount } from "../app-shell";
import { AutoLockSetting } from "./auto-lock-setting";
import { ChangePasswordForm } from "./change-password-form";
import { EmergencyKitDownload } from "./emergency-kit-download";
import { SessionsPanel } from "../sessions/sessions-panel";
import { useSessions } from "../sessions/use-sessions";
import { ThemeSetting } from "./theme-setting";
import { ClipboardSetting } from "../vaults/clipboard-setting";
import { Card, CardHeader } from "../ui/card";

export function SettingsView({
  account,
  initialSessions,
}: {
  account: ShellAccount;
  initialSessions: SessionDto[];
}) {
  const sessions = useSessions(initialSessions);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-stone-900">Settings</h1>
        <p className="mt-1 text-stone-600">Your account security and this device.</p>
      </div>
      <Card>
        <CardHeader
          title="Security keys"
          description="Hardware keys such as a YubiKey that confirm each sign-in, and your recovery codes."
        />
        <Link
          href="/settings/security"
          className="inline-flex rounded-lg bg-white px-4 py-2.5 text-sm font-medium text-stone-900 shadow-xs ring-1 ring-stone-300 ring-inset hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
        >
          Manage security keys
        </Link>
      </Card>
      <Card>
        <CardHeader
          title="Command line"
          description="Sign in the coffer command line by approving the code it shows."
        />
        <Link
          href="/settings/devices"
          className="inline-flex rounded-lg bg-white px-4 py-2.5 text-sm font-medium text-stone-900 shadow-xs ring-1 ring-stone-300 ring-inset hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
        >
          Approve a device
        </Link>
      </Card>
      <Card>
        <CardHeader
          title="Import"
          description="Bring logins, notes and keys from Bitwarden, 1Password, LastPass, KeePass, a browser or a .env file."
        />
        <Link
          href="/vaults/import"
          className="inline-flex rounded-lg bg-white px-4 py-2.5 text-sm font-medium text-stone-900 shadow-xs ring-1 ring-stone-300 ring-inset hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
        >
          Import from another password manager
        </Link>
      </Card>
      <Card>
        <CardHeader
          title="Export"
          description="Take every vault you can open with you: an encrypted Coffer file, or plain JSON or CSV."
        />
        <Link
          href="/vaults/export"
          className="inline-flex rounded-lg bg-white px-4 py-2.5 text-sm font-medium text-stone-900 shadow-xs ring-1 ring-stone-300 ring-inset hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-stone-900"
        >
          Export your vaults
        </Link>
      </Card>
      {/* A password change signs out the other sessions: the list reloads when it happens. */}
      <ChangePasswordForm onChanged={() => void sessions.reload()} />
      <SessionsPanel sessions={sessions} />
      <ThemeSetting />
      <AutoLockSetting />
      <Card>
        <CardHeader
          title="Clipboard"
          description="A copied secret is wiped from the clipboard after this delay, so it does not linger where other programs can read it. This setting applies to this device only."
        />
        <ClipboardSetting />
      </Card>
      <EmergencyKitDownload email={account.email} organizationName={account.organizationName} />
    </div>
  );
}
