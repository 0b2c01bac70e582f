import { route } from "@/lib/server/route";
import { listActiveSessions } from "@/lib/server/data/sessions";
import { sessionToDto } from "@/lib/server/dto";

export const dynamic = "force-dynamic";

export const GET = route({
  access: "session",
  handler: async ({ session }) => ({
    sessions: (await listActiveSessions(session.userId)).map((row) =>
      sessionToDto(row, session.sessionId),
    ),
  }),
});
