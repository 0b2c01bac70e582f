"use client";

import { AdminVaultsPanel } from "./admin-vaults-panel";
import { InvitesPanel } from "./invites-panel";
import { UsersPanel } from "./users-panel";

export function PeopleView({ currentUserId }: { currentUserId: string }) {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold text-stone-900">People</h1>
        <p className="mt-1 text-stone-600">Invite people to your organisation and manage access.</p>
      </div>
      <InvitesPanel />
      <UsersPanel currentUserId={currentUserId} />
      <AdminVaultsPanel />
    </div>
  );
}
