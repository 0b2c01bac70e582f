import { route } from "@/lib/server/route";
import { recoveryRequest } from "@/lib/api/mfa";
import { confirmWithRecoveryCode, mfaStatus } from "@/lib/server/mfa/ceremonies";
import { requirePendingSession } from "@/lib/server/session";

export const dynamic = "force-dynamic";

/** A recovery code in place of a key: for a lost key, once per code. */
export const POST = route({
  access: "pending",
  body: recoveryRequest,
  handler: async ({ session, body, request }) => {
    await confirmWithRecoveryCode(session, body.code, request);
    return mfaStatus(await requirePendingSession(request));
  },
});
