import { route } from "@/lib/server/route";
import { createVaultRequest } from "@/lib/api/vault";
import { createVault } from "@/lib/server/data/vaults";
import { getOrganization } from "@/lib/server/data/organization";
import { vaultSummaries } from "@/lib/server/vault-views";
import { recordAudit } from "@/lib/server/audit";
import { badRequest, notFound } from "@/lib/server/errors";
import { requireGrantsSignedBy } from "@/lib/server/vaults/grant-signatures";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ session }) => ({ vaults: await vaultSummaries(session.userId) }),
});

export const POST = route({
  access: "session",
  body: createVaultRequest,
  status: 201,
  handler: async ({ session, body, request }) => {
    if (body.grant.role !== "manage")
      throw badRequest("The creator's grant must be manage.", "grant.role");
    // Every vault's key history starts at 1, so a client can tell a fresh vault from one whose
    // earlier keys it was never given.
    if (body.grant.keyVersion !== 1)
      throw badRequest("A new vault starts at key version 1.", "grant.keyVersion");
    await requireGrantsSignedBy(session.userId, [
      { field: "grant", vaultId: body.id, userId: session.userId, grant: body.grant },
    ]);
    const org = await getOrganization();
    if (!org) throw notFound();
    await createVault({ ...body, orgId: org.id, userId: session.userId });
    await recordAudit({
      action: "vault.create",
      actorId: session.userId,
      request,
      vaultId: body.id,
      targetType: "vault",
      targetId: body.id,
    });
    return { id: body.id, keyVersion: body.grant.keyVersion };
  },
});
