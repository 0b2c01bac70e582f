import { route } from "@/lib/server/route";
import {
  requireManagesServiceAccount,
  serviceAccountDetail,
} from "@/lib/server/machines/service-accounts";
import { deleteServiceAccount } from "@/lib/server/data/service-accounts";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ session, params }) =>
    serviceAccountDetail(session, params.serviceAccountId ?? ""),
});

/** Deleting an account deletes its grants and tokens with it: every machine using it stops. */
export const DELETE = route({
  access: "session",
  handler: async ({ session, params, request }) => {
    const { account } = await requireManagesServiceAccount(session, params.serviceAccountId ?? "");
    await deleteServiceAccount(account.id);
    await recordAudit({
      action: "service_account.delete",
      actorId: session.userId,
      request,
      targetType: "service_account",
      targetId: account.id,
      details: { name: account.name },
    });
  },
});
