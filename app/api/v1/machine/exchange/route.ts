import { route } from "@/lib/server/route";
import { exchangeBootstrapRequest } from "@/lib/api/machine";
import { exchangeBootstrap } from "@/lib/server/machines/tokens";
import { recordBootstrapReplay } from "@/lib/server/machines/bootstrap-replay";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

// One atomic step: the bootstrap token is marked exchanged and the container's own session
// token written, or neither. A second exchange is refused and recorded as a possible
// interception, whichever of two racing requests loses.
export const POST = route({
  access: "machine",
  tokenKinds: ["bt"],
  consumeUse: () => false,
  body: exchangeBootstrapRequest,
  status: 201,
  handler: async ({ machine, body, request }) => {
    const token = await exchangeBootstrap(machine, body, () =>
      recordBootstrapReplay(machine, request),
    );
    await recordAudit({
      action: "token.exchange",
      actorId: machine.serviceAccountId,
      actorKind: "machine",
      actorTokenId: machine.tokenId,
      request,
      targetType: "token",
      targetId: token.id,
      details: { bootstrapTokenId: machine.tokenId, expiresAt: token.expiresAt },
    });
    return token;
  },
});
