import { route } from "@/lib/server/route";
import { updateVaultRequest } from "@/lib/api/vault";
import { vaultDetailQuery } from "@/lib/api/item-page";
import { deleteVault, updateVault } from "@/lib/server/data/vaults";
import { canManageVault } from "@/lib/server/policies";
import { vaultDetail } from "@/lib/server/vault-views";
import { recordAudit } from "@/lib/server/audit";
import { notFound } from "@/lib/server/errors";
import { skipOffboardingStepsOfDeletedVault } from "@/lib/server/offboarding/deleted-vault";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  query: vaultDetailQuery,
  handler: async ({ session, params, query }) => {
    const vaultId = params.vaultId ?? "";
    // canReadVault's rule (any member may read; anyone else gets the 404 an unknown vault gets)
    // is applied inside the read, which returns the vault to a member only: one statement.
    const detail = await vaultDetail(vaultId, session.userId, query.items === "all");
    if (!detail) throw notFound("No such vault.");
    return detail;
  },
});

export const PATCH = route({
  access: "session",
  body: updateVaultRequest,
  handler: async ({ session, params, body, request }) => {
    const vaultId = params.vaultId ?? "";
    await canManageVault(session, vaultId);
    await updateVault(vaultId, body);
    await recordAudit({
      action: "vault.rename",
      actorId: session.userId,
      request,
      vaultId,
      targetType: "vault",
      targetId: vaultId,
    });
    return { id: vaultId };
  },
});

export const DELETE = route({
  access: "session",
  handler: async ({ session, params, request }) => {
    const vaultId = params.vaultId ?? "";
    await canManageVault(session, vaultId);
    await deleteVault(vaultId);
    await skipOffboardingStepsOfDeletedVault(vaultId);
    await recordAudit({
      action: "vault.delete",
      actorId: session.userId,
      request,
      vaultId,
      targetType: "vault",
      targetId: vaultId,
    });
    return undefined;
  },
});
