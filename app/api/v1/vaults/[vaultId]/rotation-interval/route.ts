import { route } from "@/lib/server/route";
import { rotationIntervalRequest } from "@/lib/api/rotation";
import { getVaultRotationInterval, setVaultRotationInterval } from "@/lib/server/data/flags";
import { canManageVault, canReadVault } from "@/lib/server/policies";
import { recordAudit } from "@/lib/server/audit";
import { notFound } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ session, params }) => {
    const vaultId = params.vaultId ?? "";
    await canReadVault(session, vaultId);
    const vault = await getVaultRotationInterval(vaultId);
    if (!vault) throw notFound("No such vault.");
    return { rotationIntervalDays: vault.rotationIntervalDays };
  },
});

// Items of the vault are flagged this many days after their secrets last changed, unless an
// item has its own interval.
export const PUT = route({
  access: "session",
  body: rotationIntervalRequest,
  handler: async ({ session, params, body, request }) => {
    const vaultId = params.vaultId ?? "";
    await canManageVault(session, vaultId);
    if (!(await setVaultRotationInterval(vaultId, body.rotationIntervalDays))) {
      throw notFound("No such vault.");
    }
    await recordAudit({
      action: "rotation.interval",
      actorId: session.userId,
      request,
      vaultId,
      targetType: "vault",
      targetId: vaultId,
      details: { days: body.rotationIntervalDays },
    });
    return { rotationIntervalDays: body.rotationIntervalDays };
  },
});
