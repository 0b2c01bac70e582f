import { route } from "@/lib/server/route";
import { rotationIntervalRequest } from "@/lib/api/rotation";
import { setItemRotationInterval } from "@/lib/server/data/flags";
import { canEditVault, canReadVault } from "@/lib/server/policies";
import { itemRotationInterval } from "@/lib/server/rotation/intervals";
import { recordAudit } from "@/lib/server/audit";
import { notFound } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ session, params }) => {
    const vaultId = params.vaultId ?? "";
    await canReadVault(session, vaultId);
    return itemRotationInterval(vaultId, params.itemId ?? "");
  },
});

// Overrides the vault's interval for this item; null falls back to the vault's.
export const PUT = route({
  access: "session",
  body: rotationIntervalRequest,
  handler: async ({ session, params, body, request }) => {
    const vaultId = params.vaultId ?? "";
    const itemId = params.itemId ?? "";
    await canEditVault(session, vaultId);
    if (!(await setItemRotationInterval(vaultId, itemId, body.rotationIntervalDays))) {
      throw notFound("No such item.");
    }
    await recordAudit({
      action: "rotation.interval",
      actorId: session.userId,
      request,
      vaultId,
      targetType: "item",
      targetId: itemId,
      details: { days: body.rotationIntervalDays },
    });
    return itemRotationInterval(vaultId, itemId);
  },
});
