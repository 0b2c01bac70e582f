import { route } from "@/lib/server/route";
import { removeKeyRequest, renameKeyRequest } from "@/lib/api/mfa";
import { removeKey, renameKey } from "@/lib/server/data/mfa";
import { notFound } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit";
import { confirmWithRecoveryCode } from "@/lib/server/mfa/ceremonies";
import { requireStepUp } from "@/lib/server/mfa/step-up";
import { requirePendingSession } from "@/lib/server/session";

export const dynamic = "force-dynamic";

export const PUT = route({
  access: "session",
  body: renameKeyRequest,
  handler: async ({ session, params, body, request }) => {
    const keyId = params.keyId ?? "";
    if (!(await renameKey(session.userId, keyId, body.nickname))) {
      throw notFound("No such security key.");
    }
    await recordAudit({
      action: "mfa.key_rename",
      actorId: session.userId,
      request,
      targetType: "security_key",
      targetId: keyId,
    });
    return { id: keyId, nickname: body.nickname };
  },
});

/**
 * Removing a key needs a fresh check with another key, or a recovery code (for the key that
 * was lost). Removing the last key leaves the person MFA-required: they enrol a new one next.
 */
export const DELETE = route({
  access: "session",
  body: removeKeyRequest,
  handler: async ({ session, params, body, request }) => {
    const keyId = params.keyId ?? "";
    if (body.recoveryCode) {
      await confirmWithRecoveryCode(session, body.recoveryCode, request);
      requireStepUp(await requirePendingSession(request), { notKeyId: keyId });
    } else {
      requireStepUp(session, { notKeyId: keyId });
    }
    if (!(await removeKey(session.userId, keyId))) throw notFound("No such security key.");
    await recordAudit({
      action: "mfa.key_remove",
      actorId: session.userId,
      request,
      targetType: "security_key",
      targetId: keyId,
    });
    return undefined;
  },
});
