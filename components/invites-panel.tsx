"use client";

import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import {
  createInviteResponse,
  inviteListResponse,
  type CreateInviteResponse,
  type InviteDto,
} from "@/lib/api/invite";
import { ApiError, api, errorMessage } from "@/lib/client/api";
import { dateTime, relativeTime } from "@/lib/client/format";
import { looksLikeEmail } from "./password-fields";
import { StatusBadge } from "./users-panel";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Card, CardHeader } from "./ui/card";
import { ConfirmDialog } from "./ui/confirm-dialog";
import { Field } from "./ui/field";

export function InvitesPanel() {
  const [invites, setInvites] = useState<InviteDto[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<"member" | "admin">("member");
  const [creating, setCreating] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [emailError, setEmailError] = useState<string | null>(null);
  const [created, setCreated] = useState<{
    link: string;
    invite: CreateInviteResponse["invite"];
  } | null>(null);
  const [copied, setCopied] = useState(false);
  const [revokeTarget, setRevokeTarget] = useState<InviteDto | null>(null);
  const [revoking, setRevoking] = useState(false);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const roleId = useId();
  const linkId = useId();

  const load = useCallback(async () => {
    try {
      const result = await api("/api/v1/invites", { schema: inviteListResponse });
      setInvites(result.invites);
      setListError(null);
    } catch (caught) {
      setListError(errorMessage(caught));
    }
  }, []);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  async function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setEmailError(null);
    if (!looksLikeEmail(email)) {
      setEmailError("Enter the email address of the person to invite.");
      return;
    }
    setCreating(true);
    setCreated(null);
    setCopied(false);
    try {
      const result = await api("/api/v1/invites", {
        json: { email: email.trim(), role },
        schema: createInviteResponse,
      });
      // The token exists only in this response: it is shown once and never stored here.
      setCreated({ link: `${window.location.origin}/join#${result.token}`, invite: result.invite });
      setEmail("");
      await load();
    } catch (caught) {
      if (caught instanceof ApiError && caught.field === "email") setEmailError(caught.message);
      else setFormError(errorMessage(caught));
    } finally {
      setCreating(false);
    }
  }

  async function copyLink() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.link);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions, insecure origin): select the text for a manual copy.
      const input = document.getElementById(linkId);
      if (input instanceof HTMLInputElement) input.select();
    }
  }

  async function revoke() {
    if (!revokeTarget) return;
    setRevoking(true);
    setRevokeError(null);
    try {
      await api(`/api/v1/invites/${encodeURIComponent(revokeTarget.id)}`, { method: "DELETE" });
      if (created?.invite.id === revokeTarget.id) setCreated(null);
      setRevokeTarget(null);
      await load();
    } catch (caught) {
      setRevokeError(errorMessage(caught));
    } finally {
      setRevoking(false);
    }
  }

  return (
    <Card>
      <CardHeader
        title="Invites"
        description="An invite is a one-time link for one email address. It expires after 7 days."
      />
      <form className="flex flex-wrap items-start gap-3" onSubmit={onCreate} noValidate>
        <Field
          label="Email"
          type="email"
          autoComplete="off"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={emailError}
          disabled={creating}
          className="min-w-56 flex-1"
          placeholder="name@example.com"
        />
        <div>
          <label htmlFor={roleId} className="block text-sm font-medium text-stone-800">
            Role
          </label>
          <select
            id={roleId}
            value={role}
            onChange={(event) => setRole(event.target.value === "admin" ? "admin" : "member")}
            disabled={creating}
            className="mt-1.5 block h-[42px] rounded-lg border border-stone-300 bg-white px-3 text-base text-stone-900 shadow-xs focus:border-stone-500 focus:outline-2 focus:outline-stone-500"
          >
            <option value="member">Member</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <div className="pt-[26px]">
          <Button type="submit" className="h-[42px]" busy={creating} busyLabel="Creating…">
            Create invite
          </Button>
        </div>
      </form>
      {formError && <Alert className="mt-4">{formError}</Alert>}

      {created && (
        <div
          className="mt-5 rounded-xl border border-amber-200 bg-amber-50 p-4"
          data-testid="invite-link-panel"
        >
          <p className="text-sm font-medium text-amber-900">
            Invite link for {created.invite.email}: shown only once, expires in 7 days.
          </p>
          <p className="mt-1 text-xs text-amber-800">
            Send it over a channel you trust. Anyone with the link can create this account.
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <label htmlFor={linkId} className="sr-only">
              Invite link
            </label>
            <input
              id={linkId}
              readOnly
              value={created.link}
              data-testid="invite-link"
              onFocus={(event) => event.target.select()}
              className="min-w-0 flex-1 rounded-lg border border-amber-300 bg-white px-3 py-2 font-mono text-xs text-stone-900"
            />
            <Button variant="primary" size="sm" onClick={copyLink}>
              Copy link
            </Button>
          </div>
          <p role="status" className="mt-2 h-4 text-xs text-amber-900">
            {copied ? "Copied to the clipboard." : ""}
          </p>
        </div>
      )}

      <h3 className="mt-8 mb-3 text-sm font-semibold text-stone-900">Sent invites</h3>
      {listError && <Alert>{listError}</Alert>}
      {invites === null && !listError && (
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
                  <span className="truncate">{invite.email}</span>
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
                  onClick={() => {
                    setRevokeError(null);
                    setRevokeTarget(invite);
                  }}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={revokeTarget !== null}
        title="Revoke this invite?"
        confirmLabel="Revoke invite"
        busyLabel="Revoking…"
        busy={revoking}
        error={revokeError}
        onConfirm={revoke}
        onCancel={() => setRevokeTarget(null)}
      >
        The link for {revokeTarget?.email} stops working at once. You can send a new invite later.
      </ConfirmDialog>
    </Card>
  );
}
