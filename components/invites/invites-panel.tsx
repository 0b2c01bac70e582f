"use client";

import type { InviteDto } from "@/lib/api/invite";
import type { AdminVaultDto } from "@/lib/api/vault";
import { Card, CardHeader } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { InviteForm } from "./invite-form";
import { InviteLinkPanel } from "./invite-link-panel";
import { InviteList } from "./invite-list";
import { useInviteForm } from "./use-invite-form";
import { useInvites } from "./use-invites";

/**
 * Onboarding starts here: an invite for one email address, naming the vaults the newcomer
 * should get (each becomes a task for that vault's managers) and the checklist template to
 * follow.
 */
export function InvitesPanel({
  initialInvites,
  vaults,
  vaultsError,
  names,
  onChange,
}: {
  /** The invites the page was rendered with; the list reloads through the API after a change. */
  initialInvites: InviteDto[];
  vaults: AdminVaultDto[] | null;
  vaultsError: string | null;
  names: ReadonlyMap<string, string> | null;
  onChange: () => void;
}) {
  const invites = useInvites(onChange, initialInvites);
  const { reload } = invites;
  const form = useInviteForm({
    templates: invites.templates,
    reloadTemplates: invites.reloadTemplates,
    onCreated: async () => {
      onChange();
      await reload();
    },
  });
  const target = invites.revokeTarget;

  return (
    <Card>
      <CardHeader
        title="Invites"
        description="An invite is a one-time link for one email address. It expires after 7 days. The vaults it names become tasks for their managers, who grant access once the newcomer has an account."
      />
      <InviteForm
        form={form}
        templates={invites.templates}
        templatesError={invites.templatesError}
        vaults={vaults}
        vaultsError={vaultsError}
        names={names}
      />
      {form.created && <InviteLinkPanel created={form.created} />}
      <InviteList
        invites={invites.invites}
        error={invites.listError}
        onRevoke={invites.askToRevoke}
      />
      <ConfirmDialog
        open={target !== null}
        title="Revoke this invite?"
        confirmLabel="Revoke invite"
        busyLabel="Revoking…"
        busy={invites.revoke.pending}
        error={invites.revoke.error?.message ?? null}
        onConfirm={async () => {
          if (!target) return;
          const revoked = await invites.revoke.run(target);
          if (revoked) form.forgetCreated(revoked);
        }}
        onCancel={() => invites.askToRevoke(null)}
      >
        The link for {target?.email} stops working at once. You can send a new invite later. Its
        onboarding checklist stays as a record.
      </ConfirmDialog>
    </Card>
  );
}
