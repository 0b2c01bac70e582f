import { route } from "@/lib/server/route";
import { grantInput } from "@/lib/api/vault";
import {
  changeMemberRole,
  countManagers,
  findBundle,
  findMembership,
} from "@/lib/server/data/vaults";
import { canManageVault } from "@/lib/server/policies";
import { recordAudit } from "@/lib/server/audit";
import { badRequest, conflict, notFound } from "@/lib/server/errors";
import { requireGrantsSignedBy } from "@/lib/server/vaults/grant-signatures";
import { z } from "zod";

export const dynamic = "force-dynamic";

const changeRoleRequest = z.object({ grant: grantInput });

// Removing a member is a rotation (POST …/rotate with removeUserIds), never a bare delete:
// the departing person's copy of the key must stop opening anything new.
export const PUT = route({
  access: "session",
  body: changeRoleRequest,
  handler: async ({ session, params, body, request }) => {
    const vaultId = params.vaultId ?? "";
    const userId = params.userId ?? "";
    await canManageVault(session, vaultId);
    const target = await findMembership(vaultId, userId);
    if (!target) throw notFound("Not a member of this vault.");
    await requireGrantsSignedBy(session.userId, [
      { field: "grant", vaultId, userId, grant: body.grant },
    ]);
    const recipient = await findBundle(userId);
    if (recipient?.boxPublicKey !== body.grant.memberBoxPublicKey) {
      // As when sharing: a key sealed to a box key they no longer hold would lock them out.
      throw badRequest("The grant is sealed to another key.", "grant.memberBoxPublicKey");
    }
    if (
      target.role === "manage" &&
      body.grant.role !== "manage" &&
      (await countManagers(vaultId)) < 2
    ) {
      throw conflict("A vault needs at least one manager.");
    }
    await changeMemberRole({ vaultId, userId, granterId: session.userId, grant: body.grant });
    await recordAudit({
      action: "vault.role_change",
      actorId: session.userId,
      request,
      vaultId,
      targetType: "user",
      targetId: userId,
      details: { role: body.grant.role },
    });
    return { userId, role: body.grant.role };
  },
});
