import { route } from "@/lib/server/route";
import { conflict } from "@/lib/server/errors";
import { recordAudit } from "@/lib/server/audit";
import { issueRecoveryCodes } from "@/lib/server/mfa/ceremonies";

export const dynamic = "force-dynamic";

/** New codes replace every old one; shown once. */
export const POST = route({
  access: "session",
  stepUp: true,
  handler: async ({ session, request }) => {
    if (session.mfa.activeKeyCount === 0) {
      throw conflict("Add a security key before making recovery codes.", "no_keys");
    }
    const recoveryCodes = await issueRecoveryCodes(session.userId);
    await recordAudit({
      action: "mfa.recovery_codes_regenerate",
      actorId: session.userId,
      request,
    });
    return { recoveryCodes };
  },
});
