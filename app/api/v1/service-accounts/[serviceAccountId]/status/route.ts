import { route } from "@/lib/server/route";
import { updateServiceAccountStatusRequest } from "@/lib/api/machine";
import { requireManagesServiceAccount } from "@/lib/server/machines/service-accounts";
import { setServiceAccountStatus } from "@/lib/server/data/service-accounts";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

/** A disabled account's tokens are refused on their next request; enabling restores them. */
export const PUT = route({
  access: "session",
  body: updateServiceAccountStatusRequest,
  handler: async ({ session, params, body, request }) => {
    const { account } = await requireManagesServiceAccount(session, params.serviceAccountId ?? "");
    await setServiceAccountStatus(account.id, body.status);
    await recordAudit({
      action: "service_account.status",
      actorId: session.userId,
      request,
      targetType: "service_account",
      targetId: account.id,
      details: { status: body.status },
    });
    return { status: body.status };
  },
});
