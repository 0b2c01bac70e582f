import "server-only";
import type { VaultDetailResponse, VaultSummaryDto } from "@/lib/api/vault";
import { bundleToDto, grantToDto } from "./dto";
import { getVaultDetail, listVaultsForUser } from "./data/vaults";

// Shapes vault rows into the wire DTOs, pairing each grant with its granter's public bundle
// so the client can check the signature against the key it has pinned for that person.

export async function vaultSummaries(userId: string): Promise<VaultSummaryDto[]> {
  const { memberships, grants, granters } = await listVaultsForUser(userId);
  const granterById = new Map(granters.map((granter) => [granter.id, granter]));
  return memberships.map(({ role, vault }) => {
    const grant = grants.find(
      (candidate) => candidate.vaultId === vault.id && candidate.keyVersion === vault.keyVersion,
    );
    return {
      id: vault.id,
      encryptedName: vault.encryptedName,
      environment: vault.environment,
      keyVersion: vault.keyVersion,
      role,
      itemCount: vault._count.items,
      memberCount: vault._count.members,
      updatedAt: vault.updatedAt.toISOString(),
      grant: grant ? grantToDto(grant, granterById) : null,
    };
  });
}

export async function vaultDetail(
  vaultId: string,
  userId: string,
  withItems = true,
): Promise<VaultDetailResponse | null> {
  const detail = await getVaultDetail(vaultId, userId, withItems);
  if (!detail) return null;
  const { vault, grants, people } = detail;
  const personById = new Map(people.map((person) => [person.id, person]));
  const me = vault.members.find((member) => member.userId === userId);
  if (!me) return null;
  const myGrant = grants.find((grant) => grant.userId === userId);
  return {
    vault: {
      id: vault.id,
      encryptedName: vault.encryptedName,
      environment: vault.environment,
      keyVersion: vault.keyVersion,
      role: me.role,
      itemCount: vault.itemCount,
      memberCount: vault.members.length,
      updatedAt: vault.updatedAt.toISOString(),
      grant: myGrant ? grantToDto(myGrant, personById) : null,
    },
    items: vault.items,
    members: vault.members.flatMap((member) => {
      const person = personById.get(member.userId);
      if (!person) return [];
      const grant = grants.find((candidate) => candidate.userId === member.userId);
      return [
        {
          ...bundleToDto(person),
          role: member.role,
          grantKeyVersion: grant?.keyVersion ?? null,
          grantedById: grant?.granterId ?? null,
        },
      ];
    }),
  };
}
