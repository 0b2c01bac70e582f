import { route } from "@/lib/server/route";
import { assertionRequest } from "@/lib/api/mfa";
import { confirmWithKey, mfaStatus } from "@/lib/server/mfa/ceremonies";
import { requirePendingSession } from "@/lib/server/session";

export const dynamic = "force-dynamic";

export const POST = route({
  access: "pending",
  body: assertionRequest,
  handler: async ({ session, body, request }) => {
    await confirmWithKey(session, body.response, request);
    return mfaStatus(await requirePendingSession(request));
  },
});
