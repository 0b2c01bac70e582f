import { route } from "@/lib/server/route";
import { createMachineTokenRequest } from "@/lib/api/machine";
import { createTokenForAccount, tokensOfAccount } from "@/lib/server/machines/tokens";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ session, params }) => ({
    tokens: await tokensOfAccount(session, params.serviceAccountId ?? ""),
  }),
});

// The token is made on the manager's device: the server gets the hash of its auth secret and
// the saKey wrapped under its tokenKey, never the token.
export const POST = route({
  access: "session",
  body: createMachineTokenRequest,
  status: 201,
  handler: async ({ session, params, body, request }) => {
    const token = await createTokenForAccount(session, params.serviceAccountId ?? "", body);
    await recordAudit({
      action: "token.create",
      actorId: session.userId,
      request,
      targetType: "token",
      targetId: token.id,
      details: {
        serviceAccountId: token.serviceAccountId,
        kind: token.kind,
        expiresAt: token.expiresAt,
        maxUses: token.maxUses,
        readOnly: token.readOnly,
      },
    });
    return token;
  },
});
