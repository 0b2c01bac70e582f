"use client";

import { useCallback, useState } from "react";
import type { VaultRole } from "@/lib/crypto";
import type { MemberDto } from "@/lib/api/vault";
import { loadContacts } from "@/lib/client/vaults/contacts";
import { buildGrant, pinnedBoxKey } from "@/lib/client/vaults/grants";
import { rotateVaultKey } from "@/lib/client/vaults/rotate";
import { vaultApi } from "@/lib/client/vaults/vault-api";
import { useKeyring } from "@/components/keyring-provider";
import { useAction } from "@/components/ui/use-action";
import { ROLE_LABELS } from "../badges";
import type { LoadedVault } from "../use-vault";

/**
 * A vault's members and what a manager does to them: a new role is a new grant sealed on this
 * device; a removal rotates the vault key, so the copy the removed person had opens nothing.
 */
export function useMembers(vault: LoadedVault, reload: () => Promise<void>) {
  const keyring = useKeyring();
  const { detail, opened } = vault;
  const vaultId = detail.vault.id;
  const [adding, setAdding] = useState<{ reconfirm?: MemberDto } | null>(null);
  const [removing, setRemoving] = useState<MemberDto | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const changeRole = useAction(
    useCallback(
      async (member: MemberDto, role: VaultRole, reconfirmed = false) => {
        if (!keyring || !opened.key) return;
        const contacts = await loadContacts(keyring);
        const grant = buildGrant({
          keyring,
          vaultId,
          userId: member.userId,
          keyVersion: detail.vault.keyVersion,
          role,
          vaultKey: opened.key,
          memberBoxPublicKey: pinnedBoxKey(keyring, contacts, member),
        });
        await vaultApi.changeRole(vaultId, member.userId, grant);
        await reload();
        setNotice(
          reconfirmed
            ? `${member.email}'s keys are confirmed again.`
            : `${member.email} is now ${ROLE_LABELS[role].toLowerCase()}.`,
        );
      },
      [keyring, opened.key, vaultId, detail.vault.keyVersion, reload],
    ),
  );

  const remove = useAction(
    useCallback(
      async (member: MemberDto) => {
        if (!keyring) return;
        await rotateVaultKey({
          keyring,
          vaultId,
          removeUserIds: [member.userId],
          onProgress: (done, total) => setProgress({ done, total }),
        });
        setRemoving(null);
        await reload();
        setNotice(`Key rotated; ${member.email} no longer has access.`);
      },
      [keyring, vaultId, reload],
    ),
  );

  return {
    members: detail.members,
    adding,
    setAdding,
    removing,
    setRemoving,
    progress,
    notice,
    setNotice,
    // One message on the panel, from whichever action ran last (each clears the other's).
    error: changeRole.error?.message ?? remove.error?.message ?? null,
    changeRole: async (member: MemberDto, role: VaultRole, reconfirmed = false) => {
      remove.clearError();
      await changeRole.run(member, role, reconfirmed);
    },
    removeMember: async () => {
      if (!removing) return;
      changeRole.clearError();
      setProgress({ done: 0, total: 0 });
      await remove.run(removing);
      setRemoving(null);
      setProgress(null);
    },
    reload,
  };
}

export type Members = ReturnType<typeof useMembers>;
