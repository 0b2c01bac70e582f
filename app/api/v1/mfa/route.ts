import { route } from "@/lib/server/route";
import { mfaStatus } from "@/lib/server/mfa/ceremonies";

export const dynamic = "force-dynamic";

/** Where this session stands: the client asks right after the password step. */
export const GET = route({
  access: "pending",
  handler: async ({ session }) => mfaStatus(session),
});
