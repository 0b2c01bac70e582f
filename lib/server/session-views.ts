import "server-only";
import type { z } from "zod";
import type { sessionListResponse } from "@/lib/api/session";
import { listActiveSessions } from "./data/sessions";
import { sessionToDto } from "./dto";
import type { SessionContext } from "./session";

/**
 * The signed-in devices of the session's account, the current one marked, as GET
 * /api/v1/sessions answers and the settings page first renders them.
 */
export async function sessionList(
  session: Pick<SessionContext, "userId" | "sessionId">,
): Promise<z.infer<typeof sessionListResponse>> {
  return {
    sessions: (await listActiveSessions(session.userId)).map((row) =>
      sessionToDto(row, session.sessionId),
    ),
  };
}
