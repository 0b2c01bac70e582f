import { route } from "@/lib/server/route";
import { mintBootstrapRequest } from "@/lib/api/machine";
import { mintBootstrap } from "@/lib/server/machines/tokens";
import { recordAudit } from "@/lib/server/audit";

export const dynamic = "force-dynamic";

/** A scheduler's minting token makes a one-use bootstrap token for a new container. */
export const POST = route({
  access: "machine",
  tokenKinds: ["mt"],
  body: mintBootstrapRequest,
  status: 201,
  handler: async ({ machine, body, request }) => {
    const token = await mintBootstrap(machine, body);
    await recordAudit({
      action: "token.mint",
      actorId: machine.serviceAccountId,
      actorKind: "machine",
      actorTokenId: machine.tokenId,
      request,
      targetType: "token",
      targetId: token.id,
      details: { mintingTokenId: machine.tokenId, expiresAt: token.expiresAt },
    });
    return token;
  },
});
