"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { OrgRole } from "@/lib/api/account";
import { adminVaultListResponse, type AdminVaultDto } from "@/lib/api/vault";
import { api, errorMessage } from "@/lib/client/api";
import { AdminVaultsPanel } from "./admin-vaults-panel";
import { InvitesPanel } from "./invites/invites-panel";
import { PeoplePanel } from "./people-panel";
import { useVaultNames } from "./vaults/use-vault-names";

/**
 * The admin's view of the organisation: invite (onboarding), everyone with where they stand,
 * and every vault. The vault list and the names this admin can decrypt are loaded once here,
 * for the invite form and the vault panel alike.
 */
export function PeopleView({
  currentUserId,
  currentRole,
}: {
  currentUserId: string;
  currentRole: OrgRole;
}) {
  const [vaults, setVaults] = useState<AdminVaultDto[] | null>(null);
  const [vaultsError, setVaultsError] = useState<string | null>(null);
  // Bumped when an invite is created or revoked: the people list shows invitees too.
  const [peopleVersion, setPeopleVersion] = useState(0);
  const names = useVaultNames();

  useEffect(() => {
    api("/api/v1/admin/vaults", { schema: adminVaultListResponse })
      .then((result) => setVaults(result.vaults))
      .catch((caught: unknown) => setVaultsError(errorMessage(caught)));
  }, []);

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
          <Link
            href="/admin/checklists"
            className="rounded-lg px-3 py-1.5 font-medium text-stone-700 ring-1 ring-stone-300 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-stone-900"
          >
            All checklists
          </Link>
          <Link
            href="/admin/checklists/templates"
            className="rounded-lg px-3 py-1.5 font-medium text-stone-700 ring-1 ring-stone-300 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-stone-900"
          >
            Checklist templates
          </Link>
        </nav>
      </div>
      <InvitesPanel
        vaults={vaults}
        vaultsError={vaultsError}
        names={names}
        onChange={() => setPeopleVersion((version) => version + 1)}
      />
      <PeoplePanel
        currentUserId={currentUserId}
        currentRole={currentRole}
        version={peopleVersion}
      />
      <AdminVaultsPanel vaults={vaults} error={vaultsError} names={names} />
    </div>
  );
}
