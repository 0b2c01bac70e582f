import { route } from "@/lib/server/route";
import { createServiceAccountRequest } from "@/lib/api/machine";
import {
  createServiceAccount,
  serviceAccountSummaries,
} from "@/lib/server/machines/service-accounts";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ session }) => ({
    serviceAccounts: await serviceAccountSummaries(session),
  }),
});

// The account's keys are made in the creator's browser or CLI; the server stores public keys
// and wrapped copies it cannot open.
export const POST = route({
  access: "session",
  body: createServiceAccountRequest,
  status: 201,
  handler: async ({ session, body, request }) => {
    await createServiceAccount(session, body);
    await recordAudit({
      action: "service_account.create",
      actorId: session.userId,
      request,
      targetType: "service_account",
      targetId: body.id,
      details: { name: body.name, managers: body.managers.length },
    });
    return { id: body.id };
  },
});
