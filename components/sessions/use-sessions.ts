"use client";

import { useCallback, useState } from "react";
import { revokedCountResponse, sessionListResponse, type SessionDto } from "@/lib/api/session";
import { api } from "@/lib/client/api";
import { useAction } from "@/components/ui/use-action";
import { useResource } from "@/components/ui/use-resource";

/** Current device first, then most recently active. */
function byCurrentThenRecent(sessions: SessionDto[]) {
  return [...sessions].sort(
    (a, b) =>
      Number(b.current) - Number(a.current) ||
      new Date(b.lastSeenAt).getTime() - new Date(a.lastSeenAt).getTime(),
  );
}

const loadSessions = () =>
  api("/api/v1/sessions", { schema: sessionListResponse }).then((result) =>
    byCurrentThenRecent(result.sessions),
  );

/**
 * This account's signed-in devices, first as the page was rendered with them, and signing
 * them out one at a time or all but this one.
 */
export function useSessions(initialSessions: SessionDto[]) {
  const sessions = useResource(loadSessions, byCurrentThenRecent(initialSessions));
  const { reload } = sessions;
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmingOthers, setConfirmingOthers] = useState(false);
  const [revokingId, setRevokingId] = useState<string | null>(null);

  const revoke = useAction(
    useCallback(
      async (id: string) => {
        setRevokingId(id);
        setNotice(null);
        await api(`/api/v1/sessions/${encodeURIComponent(id)}`, { method: "DELETE" });
        setNotice("That session was signed out.");
        await reload();
      },
      [reload],
    ),
  );

  const revokeOthers = useAction(
    useCallback(async () => {
      const { revoked } = await api("/api/v1/sessions/revoke-others", {
        method: "POST",
        schema: revokedCountResponse,
      });
      setNotice(
        revoked === 1
          ? "1 other session was signed out."
          : `${revoked} other sessions were signed out.`,
      );
      setConfirmingOthers(false);
      await reload();
    }, [reload]),
  );

  async function signOutOthers() {
    await revokeOthers.run();
    // A failure is told on the card, with the list it is about, not in the dialog.
    setConfirmingOthers(false);
  }

  const list = sessions.data ?? [];
  return {
    sessions: list,
    others: list.filter((session) => !session.current),
    error: sessions.error ?? revoke.error?.message ?? revokeOthers.error?.message ?? null,
    notice,
    reload,
    revoke,
    /** The session being signed out, while that request is under way. */
    revokingId: revoke.pending ? revokingId : null,
    signOutOthers,
    signingOutOthers: revokeOthers.pending,
    confirmingOthers,
    setConfirmingOthers,
  };
}

export type Sessions = ReturnType<typeof useSessions>;
