"use client";

import type { InviteDto } from "@/lib/api/invite";
import { dateTime, relativeTime } from "@/lib/client/format";
import { StatusBadge } from "../status-badge";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";

/** The invites sent so far, newest first, with Revoke on those still pending. */
export function InviteList({
  invites,
  error,
  onRevoke,
}: {
  invites: InviteDto[] | null;
  error: string | null;
  onRevoke: (invite: InviteDto) => void;
}) {
  return (
    <>
      <h3 className="mt-8 mb-3 text-sm font-semibold text-stone-900">Sent invites</h3>
      {error && <Alert>{error}</Alert>}
      {invites === null && !error && (
        <p role="status" className="text-sm text-stone-500">
          Loading invites…
        </p>
      )}
      {invites !== null && invites.length === 0 && (
        <p className="rounded-lg border border-dashed border-stone-300 px-4 py-6 text-center text-sm text-stone-500">
          No invites yet. Invite someone with the form above.
        </p>
      )}
      {invites !== null && invites.length > 0 && (
        <ul
          className="divide-y divide-stone-200 rounded-lg border border-stone-200"
          aria-label="Invites"
        >
          {invites.map((invite) => (
            <li
              key={invite.id}
              className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
            >
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
                  <span className="truncate" title={invite.email}>
                    {invite.email}
                  </span>
                  <StatusBadge status={invite.status} />
                  <span className="text-xs font-normal text-stone-500 capitalize">
                    {invite.role}
                  </span>
                </p>
                <p className="mt-0.5 text-xs text-stone-500">
                  Sent by {invite.createdByName} {relativeTime(invite.createdAt)}
                  {invite.status === "pending" && (
                    <span title={dateTime(invite.expiresAt)}>
                      {" "}
                      · expires {relativeTime(invite.expiresAt)}
                    </span>
                  )}
                </p>
              </div>
              {invite.status === "pending" && (
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`Revoke invite for ${invite.email}`}
                  onClick={() => onRevoke(invite)}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
