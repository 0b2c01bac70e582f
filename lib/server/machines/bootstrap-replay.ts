import "server-only";
import { recordAudit } from "../audit";
import { flagServiceAccount } from "../data/service-accounts";

/**
 * A bootstrap token presented after its exchange: someone else holds a copy (the scheduler's
 * channel leaked, or the container was cloned). Like response wrapping, the second use is the
 * alarm: the account is flagged for its managers and the event goes in the audit log.
 */
export async function recordBootstrapReplay(
  token: { serviceAccountId: string; tokenId: string },
  request: Request,
) {
  await flagServiceAccount(token.serviceAccountId, "bootstrap_replayed");
  await recordAudit({
    action: "token.bootstrap_replay",
    actorId: token.serviceAccountId,
    actorKind: "machine",
    actorTokenId: token.tokenId,
    request,
    targetType: "token",
    targetId: token.tokenId,
  });
}
