"use client";

import { useState } from "react";
import type { ShellAccount } from "./app-shell";
import { AutoLockSetting } from "./auto-lock-setting";
import { ChangePasswordForm } from "./change-password-form";
import { EmergencyKitDownload } from "./emergency-kit-download";
import { SessionsPanel } from "./sessions-panel";

export function SettingsView({ account }: { account: ShellAccount }) {
  // A password change signs out the other sessions: reload the list when it happens.
  const [sessionsVersion, setSessionsVersion] = useState(0);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-stone-900">Settings</h1>
        <p className="mt-1 text-stone-600">Your account security and this device.</p>
      </div>
      <ChangePasswordForm onChanged={() => setSessionsVersion((version) => version + 1)} />
      <SessionsPanel refreshKey={sessionsVersion} />
      <AutoLockSetting />
      <EmergencyKitDownload email={account.email} organizationName={account.organizationName} />
    </div>
  );
}
