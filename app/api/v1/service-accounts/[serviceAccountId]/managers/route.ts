import { route } from "@/lib/server/route";
import { addServiceAccountManagerRequest } from "@/lib/api/service-account-rekey";
import { addServiceAccountManager } from "@/lib/server/machines/service-account-managers";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

// saKey arrives sealed to the new manager's box key by an existing manager's device.
export const POST = route({
  access: "session",
  body: addServiceAccountManagerRequest,
  status: 201,
  handler: async ({ session, params, body, request }) => {
    const added = await addServiceAccountManager(session, params.serviceAccountId ?? "", body);
    await recordAudit({
      action: "service_account.manager_add",
      actorId: session.userId,
      request,
      targetType: "service_account",
      targetId: added.serviceAccountId,
      details: { userId: added.userId },
    });
    return { serviceAccountId: added.serviceAccountId, userId: added.userId };
  },
});
