import "server-only";
import type { VaultRoleDto } from "@/lib/api/vault";
import type { SessionContext } from "../session";
import { badRequest, forbidden, notFound } from "../errors";
import { isOrgAdmin } from "../policies";
import { findMembership } from "../data/vaults";
import { findFlag } from "../data/flags";
import { findMemberStanding } from "../data/offboarding";

const rank: Record<VaultRoleDto, number> = { view: 1, edit: 2, manage: 3 };

/**
 * A flag, for someone who may act on it: an org admin, or a member of its vault with at
 * least `needed`. Like a vault, a flag outside your vaults answers 404.
 */
export async function requireFlagAccess(
  session: SessionContext,
  flagId: string,
  needed: VaultRoleDto,
) {
  const flag = await findFlag(flagId);
  if (!flag) throw notFound("No such flag.");
  if (isOrgAdmin(session)) return flag;
  const membership = await findMembership(flag.vaultId, session.userId);
  if (!membership) throw notFound("No such flag.");
  if (rank[membership.role] < rank[needed]) {
    throw forbidden(`This needs the ${needed} role in the vault.`);
  }
  return flag;
}

/** A flag's owner must be an active member of its vault: someone who can give it a new value. */
export async function requireFlagOwnerCandidate(vaultId: string, ownerId: string) {
  const candidate = await findMemberStanding(vaultId, ownerId);
  if (!candidate.role || candidate.status !== "active") {
    throw badRequest("The owner must be an active member of the item's vault.", "ownerId");
  }
}
