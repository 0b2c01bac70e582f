import { route } from "@/lib/server/route";
import { setupRequest } from "@/lib/api/account";
import { createOrganizationWithOwner, organizationExists } from "@/lib/server/data/organization";
import { assertSelfSignedBundle } from "@/lib/server/auth/new-account";
import { notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "public",
  handler: async () => ({ needsSetup: !(await organizationExists()) }),
});

export const POST = route({
  access: "public",
  body: setupRequest,
  status: 201,
  handler: async ({ body, request }) => {
    await assertSelfSignedBundle(body.account);
    const created = await createOrganizationWithOwner(body.organizationName, body.account);
    // Once an organisation exists, setup no longer exists either.
    if (!created) throw notFound();
    await recordAudit({ action: "org.setup", actorId: created.userId, request });
    return created;
  },
});
