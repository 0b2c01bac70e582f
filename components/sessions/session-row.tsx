"use client";

import type { SessionDto } from "@/lib/api/session";
import { dateTime, relativeTime, shortUserAgent } from "@/lib/client/format";
import { Button } from "@/components/ui/button";

/** One signed-in device: what it is, when it was last active, and a sign-out unless it is this one. */
export function SessionRow({
  session,
  signingOut,
  onSignOut,
}: {
  session: SessionDto;
  signingOut: boolean;
  onSignOut: () => void;
}) {
  const device = shortUserAgent(session.userAgent);
  return (
    <li
      className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
      data-testid={session.current ? "session-current" : "session"}
    >
      <div className="min-w-0">
        <p className="flex items-center gap-2 font-medium text-stone-900">
          {device}
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
          {session.ipAddress && session.ipAddress !== "unknown" && <> · {session.ipAddress}</>}
        </p>
      </div>
      {!session.current && (
        <Button
          variant="secondary"
          size="sm"
          busy={signingOut}
          busyLabel="Signing out…"
          onClick={onSignOut}
          aria-label={`Sign out ${device} session`}
        >
          Sign out
        </Button>
      )}
    </li>
  );
}
