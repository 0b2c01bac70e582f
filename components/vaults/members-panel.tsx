"use client";

import { VaultServiceAccounts } from "@/components/service-accounts/vault-service-accounts";
import { useKeyring } from "@/components/keyring-provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { AddMemberDialog } from "./members/add-member-dialog";
import { MemberRow } from "./members/member-row";
import { RemoveMemberDialog } from "./members/remove-member-dialog";
import { useMembers } from "./members/use-members";
import { RotationProgress } from "./rotation-progress";
import type { LoadedVault } from "./use-vault";

// The share flow is also opened from an onboarding task, which imports it from here.
export { AddMemberDialog };

/** Who can open a vault, with their roles, the keys this device pinned for them, and removal. */
export function MembersPanel({
  vault,
  reload,
}: {
  vault: LoadedVault;
  reload: () => Promise<void>;
}) {
  const keyring = useKeyring();
  const members = useMembers(vault, reload);
  const { detail, trust } = vault;
  const { adding, removing, progress, notice, error } = members;

  return (
    <Card>
      <CardHeader
        title="Members"
        description="Removing someone rotates the vault key, so the copy they had stops opening anything."
        action={<Button onClick={() => members.setAdding({})}>Add member</Button>}
      />
      {notice && (
        <Alert tone="success" className="mb-4">
          {notice}
        </Alert>
      )}
      {error && <Alert className="mb-4">{error}</Alert>}
      {progress && !removing && <RotationProgress {...progress} />}
      <ul className="divide-y divide-stone-100">
        {members.members.map((member) => (
          <MemberRow
            key={member.userId}
            member={member}
            trust={trust.get(member.userId) ?? "unknown"}
            self={member.userId === keyring?.userId}
            onReconfirm={() => members.setAdding({ reconfirm: member })}
            onChangeRole={(role) => void members.changeRole(member, role)}
            onRemove={() => members.setRemoving(member)}
          />
        ))}
      </ul>
      {/* Keyed by key version: a rotation anywhere in the panel refreshes the list. */}
      <VaultServiceAccounts
        key={detail.vault.keyVersion}
        vaultId={detail.vault.id}
        onRotated={async (message) => {
          await reload();
          members.setNotice(message);
        }}
      />

      <RemoveMemberDialog
        member={removing}
        progress={progress}
        onConfirm={() => void members.removeMember()}
        onCancel={() => members.setRemoving(null)}
      />

      {adding && (
        <AddMemberDialog
          vault={vault}
          reconfirm={adding.reconfirm}
          onClose={() => members.setAdding(null)}
          onDone={async (message, member, role) => {
            members.setAdding(null);
            if (member && role) await members.changeRole(member, role, true);
            else await reload();
            members.setNotice(message);
          }}
        />
      )}
    </Card>
  );
}
