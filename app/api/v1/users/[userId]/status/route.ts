import { route } from "@/lib/server/route";
import { updateUserStatusRequest } from "@/lib/api/user";
import { setUserStatus } from "@/lib/server/data/users";
import { findRankedUser } from "@/lib/server/data/org-roles";
import { revokeAllSessions } from "@/lib/server/data/sessions";
import { requireOutranks } from "@/lib/server/org-rank";
import { badRequest, notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const PUT = route({
  access: "admin",
  body: updateUserStatusRequest,
  handler: async ({ params, body, session, request }) => {
    const userId = params.userId ?? "";
    if (userId === session.userId) throw badRequest("You cannot suspend yourself.", "status");
    const target = await findRankedUser(userId);
    if (!target) throw notFound("No such user.");
    const action = body.status === "suspended" ? "suspend" : "reactivate";
    await requireOutranks(session, target, action, request);
    if (!(await setUserStatus(userId, body.status))) throw notFound("No such user.");
    if (body.status === "suspended") await revokeAllSessions(userId);
    await recordAudit({
      action: body.status === "suspended" ? "user.suspend" : "user.reactivate",
      actorId: session.userId,
      request,
      targetType: "user",
      targetId: userId,
    });
    return { status: body.status };
  },
});
