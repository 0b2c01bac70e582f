"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { Button } from "../ui/button";

export type CreatedInvite = {
  link: string;
  email: string;
  inviteId: string;
  checklistId: string;
  emailed: boolean;
};

/** The one time the invite link is shown: the token exists only in the create response. */
export function InviteLinkPanel({ created }: { created: CreatedInvite }) {
  const [copied, setCopied] = useState(false);
  const linkId = useId();

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(created.link);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions, insecure origin): select the text for a manual copy.
      const input = document.getElementById(linkId);
      if (input instanceof HTMLInputElement) input.select();
    }
  }

  return (
    <div
      className="mt-5 rounded-xl border border-amber-200 bg-amber-50 p-4"
      data-testid="invite-link-panel"
    >
      <p className="text-sm font-medium text-amber-900">
        Invite link for {created.email}: shown only once, expires in 7 days.
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
      <p role="status" className="mt-2 min-h-4 text-xs text-amber-900">
        {copied ? "Copied to the clipboard." : ""}
      </p>
      {created.emailed && (
        <p className="mt-1 text-sm text-amber-900">Emailed to {created.email}.</p>
      )}
      <p className="mt-2 text-sm">
        <Link
          href={`/admin/checklists/${encodeURIComponent(created.checklistId)}`}
          className="font-medium text-amber-950 underline underline-offset-2"
        >
          Open the onboarding checklist
        </Link>
      </p>
    </div>
  );
}
