"use client";

import Link from "next/link";
import type { OrgRole } from "@/lib/api/account";
import type { InviteDto } from "@/lib/api/invite";
import { adminVaultListResponse } from "@/lib/api/vault";
import { api } from "@/lib/client/api";
import { AdminVaultsPanel } from "@/components/admin-vaults-panel";
import { InvitesPanel } from "@/components/invites/invites-panel";
import { useResource } from "@/components/ui/use-resource";
import { useVaultNames } from "@/components/vaults/use-vault-names";
import { PeoplePanel } from "./people-panel";
import { usePeople, type Person } from "./use-people";

const loadAdminVaults = () =>
  api("/api/v1/admin/vaults", { schema: adminVaultListResponse }).then((result) => result.vaults);

const checklistLinkClass =
  "rounded-lg px-3 py-1.5 font-medium text-stone-700 ring-1 ring-stone-300 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-stone-900";

/**
 * The admin's view of the organisation: invite (onboarding), everyone with where they stand,
 * and every vault. People and invites hold nothing encrypted and arrive with the page; the
 * vault list carries encrypted names, so it is loaded here, once, for the invite form and the
 * vault panel alike, with the names this admin can decrypt.
 */
export function PeopleView({
  currentUserId,
  currentRole,
  initialPeople,
  initialInvites,
}: {
  currentUserId: string;
  currentRole: OrgRole;
  initialPeople: Person[];
  initialInvites: InviteDto[];
}) {
  const vaults = useResource(loadAdminVaults);
  const names = useVaultNames();
  const people = usePeople(initialPeople);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-stone-900">People</h1>
          <p className="mt-1 text-stone-600">
            Invite people to your organisation, follow their onboarding and manage access.
          </p>
        </div>
        <nav aria-label="Checklists" className="flex flex-wrap gap-2 text-sm">
          <Link href="/admin/checklists" className={checklistLinkClass}>
            All checklists
          </Link>
          <Link href="/admin/checklists/templates" className={checklistLinkClass}>
            Checklist templates
          </Link>
        </nav>
      </div>
      {/* The people list shows invitees too: it reloads when an invite is sent or revoked. */}
      <InvitesPanel
        initialInvites={initialInvites}
        vaults={vaults.data}
        vaultsError={vaults.error}
        names={names}
        onChange={people.reload}
      />
      <PeoplePanel people={people} currentUserId={currentUserId} currentRole={currentRole} />
      <AdminVaultsPanel vaults={vaults.data} error={vaults.error} names={names} />
    </div>
  );
}
