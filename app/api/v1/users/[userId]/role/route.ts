import { route } from "@/lib/server/route";
import { updateUserRoleRequest } from "@/lib/api/user";
import { findRankedUser, setUserRole } from "@/lib/server/data/org-roles";
import { requireOutranks } from "@/lib/server/org-rank";
import { badRequest, conflict, notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

// Admins make members admins; only the owner makes an admin a member again (the role order
// keeps an admin from acting on an equal). The owner's role moves only by transfer.
export const PUT = route({
  access: "admin",
  stepUp: true,
  body: updateUserRoleRequest,
  handler: async ({ params, body, session, request }) => {
    const userId = params.userId ?? "";
    if (userId === session.userId) throw badRequest("You cannot change your own role.", "role");
    const target = await findRankedUser(userId);
    if (!target) throw notFound("No such user.");
    await requireOutranks(session, target, "change_role", request);
    if (target.role === body.role) return { role: target.role };
    if (!(await setUserRole(userId, target.role, body.role))) {
      throw conflict("Their role changed meanwhile; reload and retry.");
    }
    await recordAudit({
      action: "user.role_change",
      actorId: session.userId,
      request,
      targetType: "user",
      targetId: userId,
      details: { from: target.role, to: body.role },
    });
    return { role: body.role };
  },
});
