import "server-only";
import { findMembership } from "./data/vaults";
import { forbidden, notFound } from "./errors";
import type { SessionContext } from "./session";
import type { VaultRoleDto } from "@/lib/api/vault";

const rank: Record<VaultRoleDto, number> = { view: 1, edit: 2, manage: 3 };

/**
 * The caller's membership of a vault, at least `needed`. A vault the caller is not in answers
 * 404, exactly like one that does not exist: membership is not leaked. A member without the
 * role gets 403.
 */
async function requireVaultRole(session: SessionContext, vaultId: string, needed: VaultRoleDto) {
  const membership = await findMembership(vaultId, session.userId);
  if (!membership) throw notFound("No such vault.");
  if (rank[membership.role] < rank[needed]) {
    throw forbidden(`This needs the ${needed} role in the vault.`);
  }
  return membership;
}

export const canReadVault = (session: SessionContext, vaultId: string) =>
  requireVaultRole(session, vaultId, "view");
export const canEditVault = (session: SessionContext, vaultId: string) =>
  requireVaultRole(session, vaultId, "edit");
export const canManageVault = (session: SessionContext, vaultId: string) =>
  requireVaultRole(session, vaultId, "manage");

export function isOrgAdmin(session: SessionContext) {
  return session.role === "owner" || session.role === "admin";
}
