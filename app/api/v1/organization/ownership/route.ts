import { route } from "@/lib/server/route";
import { transferOwnershipRequest } from "@/lib/api/user";
import { handOverOwnership } from "@/lib/server/org-ownership";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

// The only way anyone acts on the owner: the owner, with a fresh key check and the new
// owner's email typed out, hands the organisation to an active admin and becomes an admin.
export const POST = route({
  access: "admin",
  stepUp: true,
  body: transferOwnershipRequest,
  handler: async ({ body, session, request }) => {
    const result = await handOverOwnership(session, body, request);
    await recordAudit({
      action: "org.ownership_transfer",
      actorId: session.userId,
      request,
      targetType: "user",
      targetId: result.ownerId,
      details: { previousOwnerId: result.previousOwnerId },
    });
    return result;
  },
});
