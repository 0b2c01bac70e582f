"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SessionRow } from "./session-row";
import type { Sessions } from "./use-sessions";

/** Signed-in devices of this account, with per-session and bulk sign-out. */
export function SessionsPanel({ sessions }: { sessions: Sessions }) {
  const { others, confirmingOthers, setConfirmingOthers } = sessions;
  return (
    <Card>
      <CardHeader
        title="Sessions"
        description="Devices signed in to your account. Sign out any you do not recognise."
        action={
          <Button
            variant="secondary"
            size="sm"
            disabled={others.length === 0}
            onClick={() => setConfirmingOthers(true)}
            // Behind the modal this button is inert; hiding it leaves one button of this name.
            aria-hidden={confirmingOthers || undefined}
          >
            Sign out other sessions
          </Button>
        }
      />
      {sessions.error && <Alert className="mb-4">{sessions.error}</Alert>}
      {sessions.notice && (
        <Alert tone="success" className="mb-4">
          {sessions.notice}
        </Alert>
      )}
      <ul
        className="divide-y divide-stone-200 rounded-lg border border-stone-200"
        aria-label="Sessions"
      >
        {sessions.sessions.map((session) => (
          <SessionRow
            key={session.id}
            session={session}
            signingOut={sessions.revokingId === session.id}
            onSignOut={() => void sessions.revoke.run(session.id)}
          />
        ))}
      </ul>
      {others.length === 0 && (
        <p className="mt-3 text-sm text-stone-500">This is your only signed-in session.</p>
      )}
      <ConfirmDialog
        open={confirmingOthers}
        title="Sign out other sessions?"
        confirmLabel="Sign out other sessions"
        busyLabel="Signing out…"
        busy={sessions.signingOutOthers}
        onConfirm={() => void sessions.signOutOthers()}
        onCancel={() => setConfirmingOthers(false)}
      >
        Every other device signed in to your account is signed out on its next request. This device
        stays signed in.
      </ConfirmDialog>
    </Card>
  );
}
