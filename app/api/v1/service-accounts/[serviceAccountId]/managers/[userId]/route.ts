import { route } from "@/lib/server/route";
import { removeServiceAccountManager } from "@/lib/server/machines/service-account-managers";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

// The removed manager may have kept saKey: the account is flagged for a re-key.
export const DELETE = route({
  access: "session",
  handler: async ({ session, params, request }) => {
    const removed = await removeServiceAccountManager(
      session,
      params.serviceAccountId ?? "",
      params.userId ?? "",
    );
    await recordAudit({
      action: "service_account.manager_remove",
      actorId: session.userId,
      request,
      targetType: "service_account",
      targetId: removed.serviceAccountId,
      details: { userId: removed.userId },
    });
    return { serviceAccountId: removed.serviceAccountId, userId: removed.userId };
  },
});
