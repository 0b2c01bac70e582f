import { route } from "@/lib/server/route";
import { revokeOtherSessions } from "@/lib/server/data/sessions";

export const dynamic = "force-dynamic";

export const POST = route({
  access: "session",
  handler: async ({ session }) => ({
    revoked: await revokeOtherSessions(session.userId, session.sessionId),
  }),
});
