"use client";

import { useCallback, useEffect, useState } from "react";
import { revokedCountResponse, sessionListResponse, type SessionDto } from "@/lib/api/session";
import { api, errorMessage } from "@/lib/client/api";
import { dateTime, relativeTime, shortUserAgent } from "@/lib/client/format";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Card, CardHeader } from "./ui/card";
import { ConfirmDialog } from "./ui/confirm-dialog";

/** Signed-in devices of this account, with per-session and bulk sign-out. */
export function SessionsPanel({ refreshKey = 0 }: { refreshKey?: number }) {
  const [sessions, setSessions] = useState<SessionDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [revokingId, setRevokingId] = useState<string | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [revokingOthers, setRevokingOthers] = useState(false);

  const load = useCallback(async () => {
    try {
      const result = await api("/api/v1/sessions", { schema: sessionListResponse });
      // Current device first, then most recently active.
      result.sessions.sort(
        (a, b) =>
          Number(b.current) - Number(a.current) ||
          new Date(b.lastSeenAt).getTime() - new Date(a.lastSeenAt).getTime(),
      );
      setSessions(result.sessions);
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, []);

  useEffect(() => {
    // Loading data on mount is this effect's job; the state it sets comes from the network.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load, refreshKey]);

  async function revoke(id: string) {
    setRevokingId(id);
    setNotice(null);
    try {
      await api(`/api/v1/sessions/${encodeURIComponent(id)}`, { method: "DELETE" });
      setNotice("That session was signed out.");
      await load();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setRevokingId(null);
    }
  }

  async function revokeOthers() {
    setRevokingOthers(true);
    try {
      const { revoked } = await api("/api/v1/sessions/revoke-others", {
        method: "POST",
        schema: revokedCountResponse,
      });
      setNotice(
        revoked === 1
          ? "1 other session was signed out."
          : `${revoked} other sessions were signed out.`,
      );
      setConfirmOpen(false);
      await load();
    } catch (caught) {
      setError(errorMessage(caught));
      setConfirmOpen(false);
    } finally {
      setRevokingOthers(false);
    }
  }

  const others = sessions?.filter((session) => !session.current) ?? [];

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
            onClick={() => setConfirmOpen(true)}
            // Behind the modal this button is inert; hiding it leaves one button of this name.
            aria-hidden={confirmOpen || undefined}
          >
            Sign out other sessions
          </Button>
        }
      />
      {error && <Alert className="mb-4">{error}</Alert>}
      {notice && (
        <Alert tone="success" className="mb-4">
          {notice}
        </Alert>
      )}
      {sessions === null && !error && (
        <p role="status" className="text-sm text-stone-500">
          Loading sessions…
        </p>
      )}
      {sessions !== null && (
        <ul
          className="divide-y divide-stone-200 rounded-lg border border-stone-200"
          aria-label="Sessions"
        >
          {sessions.map((session) => (
            <li
              key={session.id}
              className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
              data-testid={session.current ? "session-current" : "session"}
            >
              <div className="min-w-0">
                <p className="flex items-center gap-2 font-medium text-stone-900">
                  {shortUserAgent(session.userAgent)}
                  {session.current && (
                    <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">
                      current
                    </span>
                  )}
                </p>
                <p className="mt-0.5 text-xs text-stone-500">
                  <span title={dateTime(session.lastSeenAt)}>
                    Active {relativeTime(session.lastSeenAt)}
                  </span>
                  {" · "}signed in {dateTime(session.createdAt)}
                  {session.ipAddress && session.ipAddress !== "unknown" && (
                    <> · {session.ipAddress}</>
                  )}
                </p>
              </div>
              {!session.current && (
                <Button
                  variant="secondary"
                  size="sm"
                  busy={revokingId === session.id}
                  busyLabel="Signing out…"
                  onClick={() => revoke(session.id)}
                  aria-label={`Sign out ${shortUserAgent(session.userAgent)} session`}
                >
                  Sign out
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {sessions !== null && others.length === 0 && (
        <p className="mt-3 text-sm text-stone-500">This is your only signed-in session.</p>
      )}
      <ConfirmDialog
        open={confirmOpen}
        title="Sign out other sessions?"
        confirmLabel="Sign out other sessions"
        busyLabel="Signing out…"
        busy={revokingOthers}
        onConfirm={revokeOthers}
        onCancel={() => setConfirmOpen(false)}
      >
        Every other device signed in to your account is signed out on its next request. This device
        stays signed in.
      </ConfirmDialog>
    </Card>
  );
}
