import { route } from "@/lib/server/route";
import { assertionOptionsRequest } from "@/lib/api/mfa";
import { listActiveKeys } from "@/lib/server/data/mfa";
import { conflict } from "@/lib/server/errors";
import { authenticationOptions } from "@/lib/server/mfa/webauthn";

export const dynamic = "force-dynamic";

/** A challenge for the second factor at sign-in, or for a step-up before a sensitive action. */
export const POST = route({
  access: "pending",
  body: assertionOptionsRequest,
  handler: async ({ session, body }) => {
    const keys = (await listActiveKeys(session.userId)).filter(
      (key) => key.id !== body.excludeKeyId,
    );
    if (keys.length === 0) {
      throw conflict(
        body.excludeKeyId
          ? "You have no other security key. Use a recovery code instead."
          : "You have no security key.",
        "no_keys",
      );
    }
    return authenticationOptions({
      sessionId: session.sessionId,
      keys,
      userVerificationRequired: session.mfa.userVerification,
    });
  },
});
